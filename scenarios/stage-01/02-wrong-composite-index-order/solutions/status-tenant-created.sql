-- The two equality columns lead in the other order, then the sort column: the same narrow range of the index,
-- so the same plan. A psql user's session: \d orders shows the column order of every index.
SELECT calls, round(total_exec_time) AS total_ms, left(query, 120) AS query
FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
\d orders
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 137 AND status = 'paid' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_status_tenant_created_idx ON orders (status, tenant_id, created_at);
