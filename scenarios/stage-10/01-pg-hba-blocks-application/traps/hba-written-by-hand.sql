-- Tempting: "I can see the bad lines, I'll just write the file without them". It works this time, but it is the
-- very kind of unreviewed hand edit that caused the incident, and one typo locks out every login.
SELECT line_number, database, user_name, auth_method FROM pg_hba_file_rules ORDER BY line_number;
SELECT current_setting('hba_file') AS hba_path, pg_read_file(current_setting('hba_file')) AS hba_text \gset
COPY (
    SELECT line
    FROM regexp_split_to_table(rtrim(:'hba_text', E'\n'), E'\n') WITH ORDINALITY AS t(line, n)
    WHERE line NOT LIKE '%reject%'
    ORDER BY n
) TO :'hba_path';
SELECT pg_reload_conf();
