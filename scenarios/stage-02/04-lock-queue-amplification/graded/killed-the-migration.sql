-- grade: detect 20, fix 15, trap 10
-- The hasty reading: pg_blocking_pids of the waiting sessions names the migration, so the
-- migration is killed. The queue drains (traffic flows again), but the export that caused it
-- is still idle in transaction, the release failed, and the next attempt piles up the same way.
-- The lock graph was asked for (20), never followed to its head (0).
\connect app_db
SELECT pid, application_name, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'migration_runner';
