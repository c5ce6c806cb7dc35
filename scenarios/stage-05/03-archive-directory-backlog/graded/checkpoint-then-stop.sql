-- grade: detect 40, fix 40, trap 15
-- The archiver and the writer are looked at, a CHECKPOINT is forced "to clean up WAL" first (it frees nothing in the
-- archive), and then the backfill is stopped, which is the real fix.
SELECT archived_count, failed_count FROM pg_stat_archiver;
SELECT pid, application_name, state, left(query, 60) FROM pg_stat_activity WHERE datname = 'app_db';
CHECKPOINT;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'events_backfill';
