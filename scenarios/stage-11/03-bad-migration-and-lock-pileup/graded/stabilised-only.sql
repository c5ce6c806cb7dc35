-- grade: detect 25, fix 20, trap 20
-- A textbook first half: the lock graph traced, the one blocking session ended, the writers flow again. The second
-- fault is never looked at: release_id is still NULL everywhere with no default, so the fulfillment worker keeps
-- failing. Half of Fix, and no Detect for the column.
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by, xact_start
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';
