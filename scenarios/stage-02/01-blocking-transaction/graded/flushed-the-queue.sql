-- grade: detect 40, fix 40, trap 8
-- The chain is traced properly and the blocker is ended, but the waiting checkout sessions are
-- terminated along with it "to flush the queue". They were victims: their in-flight purchases
-- are lost, and checkout would have recovered by itself once the console was gone. One
-- dangerous move, the drill's main trap (12 points).
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name IN ('backoffice_console', 'checkout_api');
