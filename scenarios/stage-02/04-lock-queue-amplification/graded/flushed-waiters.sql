-- grade: detect 40, fix 40, trap 10
-- The chain is followed to its head and the export is ended, then the shop's sessions are
-- terminated as well "to clear the wall faster". They were victims and were about to proceed
-- on their own; ending them loses their in-flight requests. One dangerous move: the drill's
-- terminated-waiters trap.
\connect app_db
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'finance_export';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('storefront_api', 'order_api');
