-- A psql user's session: how full the staging area is (files and bytes through pg_stat_file), which statement
-- writes the most WAL, and the pid running it picked into a variable with \gset, then ended. A guard for the future
-- goes on the backfill's role only: its statements time out after five minutes.
SELECT count(*) AS files, pg_size_pretty(sum((pg_stat_file('/ride/archive/' || f)).size)) AS staged
FROM pg_ls_dir('/ride/archive') AS f;
SELECT archived_count, failed_count FROM pg_stat_archiver;
SELECT query, pg_size_pretty(wal_bytes) FROM pg_stat_statements ORDER BY wal_bytes DESC LIMIT 3;
SELECT pid AS writer FROM pg_stat_activity WHERE application_name = 'events_backfill' LIMIT 1 \gset
SELECT pg_terminate_backend(:writer);
ALTER ROLE data_eng SET statement_timeout = '5min';
