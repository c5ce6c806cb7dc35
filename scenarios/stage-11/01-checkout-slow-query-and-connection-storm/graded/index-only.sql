-- grade: detect 40, fix 15, trap 20
-- A full diagnosis and the right index, then nothing else: checkout is fast, but the 24 retry sessions still hold
-- every slot and the storefront is still refused.
SELECT query, calls, total_exec_time FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
SELECT application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 3 DESC;
\connect app_db
EXPLAIN SELECT id, total_cents, created_at FROM orders WHERE user_id = 17 AND status = 'pending' ORDER BY created_at DESC LIMIT 1;
CREATE INDEX CONCURRENTLY idx_orders_checkout ON orders (user_id, status, created_at DESC);
