-- An operator who reads pg_stat_wal, follows the writes to the table being rewritten over and over, takes its
-- owner with \gset and ends the sessions of that role, after checking who they are.
\connect app_db
SELECT * FROM pg_stat_wal;
SELECT relname, n_tup_upd, n_tup_hot_upd, pg_size_pretty(pg_total_relation_size(relid)) AS size
FROM pg_stat_user_tables ORDER BY n_tup_upd DESC LIMIT 3;
SELECT pg_get_userbyid(relowner) AS writer_role FROM pg_class WHERE oid = 'walgen_rows'::regclass \gset
SELECT pid, usename, application_name, state, left(query, 60) AS query
FROM pg_stat_activity WHERE usename = :'writer_role';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :'writer_role';
