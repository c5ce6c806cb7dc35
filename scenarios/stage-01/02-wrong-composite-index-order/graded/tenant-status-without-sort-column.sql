-- grade: detect 40, fix 25, trap 20
-- Half right: both equality columns lead, so one tenant's paid orders are found at once, but created_at is
-- missing, so all fifty of them are fetched and sorted for every request. The planner rates it far cheaper
-- than the incident's plan, yet it reads about twice the buffers an index with the sort column needs (more for
-- busy tenants).
SELECT left(query, 120), calls, round(total_exec_time) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'orders';
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 137 AND status = 'paid' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_tenant_status_idx ON orders (tenant_id, status);
