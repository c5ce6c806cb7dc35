-- Is archiving failing? No: archived_count climbs and failed_count stays 0. The archive is keeping up, with too much.
SELECT archived_count, last_archived_wal, last_archived_time, failed_count, last_failed_wal FROM pg_stat_archiver;

-- How full is the staging area? Every archived segment is a 16 MB file there until the hourly offload.
SELECT count(*) AS files, pg_size_pretty(sum((pg_stat_file('/ride/archive/' || f)).size)) AS total
FROM pg_ls_dir('/ride/archive') AS f;

-- Who writes all that WAL? pg_stat_statements counts WAL bytes per statement; pg_stat_activity says who runs it.
SELECT userid::regrole, calls, pg_size_pretty(wal_bytes) AS wal, left(query, 70) AS query
FROM pg_stat_statements ORDER BY wal_bytes DESC LIMIT 5;
SELECT pid, application_name, usename, state, left(query, 70) AS query
FROM pg_stat_activity WHERE datname = 'app_db' AND backend_type = 'client backend';

-- The backfill: stop it (it can resume after the offload has run, and rate-limited). Archiving stays on.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'events_backfill';
