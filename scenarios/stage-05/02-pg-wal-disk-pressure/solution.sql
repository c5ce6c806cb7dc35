-- Reference fix: measure pg_wal and the WAL rate, find who writes the WAL, stop that writer and nothing else.
-- The diagnostic queries are the Detect evidence.

-- How big is pg_wal, and against what limit?
SELECT count(*) AS segments, pg_size_pretty(sum(size)) AS pg_wal_size, max(modification) AS newest
FROM pg_ls_waldir();
SELECT name, setting, unit FROM pg_settings
WHERE name IN ('max_wal_size', 'min_wal_size', 'wal_keep_size', 'checkpoint_timeout', 'archive_mode');
SELECT slot_name, active FROM pg_replication_slots;

-- Is WAL being written fast, and are checkpoints driven by volume rather than time?
SELECT wal_records, pg_size_pretty(wal_bytes) AS wal_written, stats_reset FROM pg_stat_wal;
SELECT checkpoints_timed, checkpoints_req FROM pg_stat_bgwriter;

-- Who writes it: WAL per statement since 14:00, then the sessions behind it.
SELECT left(query, 70) AS query, calls, pg_size_pretty(wal_bytes) AS wal
FROM pg_stat_statements ORDER BY wal_bytes DESC LIMIT 5;
SELECT pid, datname, usename, application_name, state, backend_start, left(query, 70) AS query
FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
ORDER BY application_name;

-- Stop the benchmark, and only the benchmark.
SELECT pid, application_name, pg_terminate_backend(pid) AS terminated
FROM pg_stat_activity WHERE application_name LIKE 'wal_generator%';

-- Afterwards: nothing from the benchmark is left, and the WAL position moves at the shop's pace again.
SELECT count(*) AS benchmark_sessions FROM pg_stat_activity WHERE application_name LIKE 'wal_generator%';
SELECT pg_current_wal_lsn();
