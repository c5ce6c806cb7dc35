-- Tempting: "pg_wal is too big; make PostgreSQL keep less of it". A smaller max_wal_size makes the benchmark trigger
-- a checkpoint every few megabytes, an I/O storm on the primary, and it keeps writing. The writer is then stopped.
SELECT pg_size_pretty(sum(size)) FROM pg_ls_waldir();
ALTER SYSTEM SET max_wal_size = '64MB';
SELECT pg_reload_conf();
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'wal_generator%';
