-- grade: detect 40, fix 40, trap 15
-- The right diagnosis and the right index, built with a plain CREATE INDEX: checkout's inserts wait behind the
-- build's SHARE lock for as long as it runs.
SELECT left(query, 120), calls, round(total_exec_time) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'orders';
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 17 AND status = 'completed' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX idx_orders_tenant_status_created ON orders (tenant_id, status, created_at DESC);
