-- grade: detect 40, fix 15, trap 14
-- The right diagnosis, the storm shed, and an index on status: it barely narrows the scan, so checkout stays slow
-- (and the shop is not served as it should be), and the status-only index is the drill's trap.
SELECT query, calls, total_exec_time FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
SELECT application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 3 DESC;
\connect app_db
EXPLAIN SELECT id, total_cents, created_at FROM orders WHERE user_id = 17 AND status = 'pending' ORDER BY created_at DESC LIMIT 1;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'checkout\_retry\_%';
