-- grade: detect 40, fix 40, trap 8
-- The VACUUM FULL is found and stopped, and then the shop's sessions are terminated too "to clear the pile-up".
-- They were victims and would have gone on by themselves the moment the lock went; their in-flight requests are
-- lost.
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nightly_maintenance';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('storefront_api', 'order_api');
