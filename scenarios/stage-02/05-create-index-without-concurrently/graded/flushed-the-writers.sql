-- grade: detect 40, fix 40, trap 10
-- The right diagnosis and the right repair, plus one dangerous move: the waiting order sessions are terminated
-- too, "to clear the backlog". They were victims and would have gone on by themselves once the lock went; ending
-- them loses their in-flight checkouts.
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'release_5_2_migrate';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'order_api';
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_created_at_good ON orders (created_at);
