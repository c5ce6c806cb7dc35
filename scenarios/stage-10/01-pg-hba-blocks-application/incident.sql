-- An access-review change meant for another cluster lands here: two lines at the top of pg_hba.conf refuse
-- app_user's logins to app_db (over the socket and over TCP), and a reload puts them in force. Sessions that were
-- already open stay up; every new checkout connection is turned away.
-- The file is rebuilt from what is on disk now, without any earlier copy of these lines, so it is the same after
-- every Reset whatever the engine's own template looks like. The file is read before the COPY starts (COPY ... TO
-- empties its target first), and COPY wants an absolute path: the server's hba_file.
DO $incident$
DECLARE
    current_rules text := pg_read_file(current_setting('hba_file'));
BEGIN
    EXECUTE format($copy$
        COPY (
            SELECT line
            FROM (
                SELECT 0::bigint AS n, '# CHG-4471 access review: lock app_db down' AS line
                UNION ALL SELECT 1, 'local   app_db   app_user                reject'
                UNION ALL SELECT 2, 'host    app_db   app_user   all          reject'
                UNION ALL
                SELECT 10 + t.n, t.line
                FROM regexp_split_to_table(rtrim(%2$L, E'\n'), E'\n') WITH ORDINALITY AS t(line, n)
                WHERE t.line NOT LIKE '%%CHG-4471%%' AND t.line NOT LIKE '%%app_user%%'
            ) AS f
            ORDER BY n
        ) TO %1$L$copy$, current_setting('hba_file'), current_rules);
END
$incident$;
SELECT pg_reload_conf();
