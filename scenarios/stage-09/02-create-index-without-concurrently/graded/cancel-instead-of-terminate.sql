-- grade: detect 40, fix 0, trap 20
-- The holder is found, and "cancel the migration" is the gentle move. But the runner is idle in transaction: there
-- is no running statement to cancel, so pg_cancel_backend changes nothing, the SHARE lock stays and writes keep
-- failing.
SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by, left(query, 60)
FROM pg_stat_activity WHERE datname = 'app_db';
\connect app_db
SELECT l.pid, l.mode, l.granted FROM pg_locks l WHERE l.relation = 'orders'::regclass;
SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'migration_runner';
