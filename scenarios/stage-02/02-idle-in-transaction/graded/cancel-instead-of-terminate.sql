-- grade: detect 40, fix 10, trap 20
-- A careful look, then pg_cancel_backend on the stuck session: cancel interrupts a running statement, and an
-- idle session has none, so nothing happens. The guard is set, the lock stays.
SELECT pid, application_name, state, xact_start, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity
WHERE datname = 'app_db';
SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = 'app_db' AND state = 'idle in transaction';
ALTER ROLE fulfillment SET idle_in_transaction_session_timeout = '1min';
