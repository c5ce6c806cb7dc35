-- grade: detect 40, fix 40, trap 15
-- The right diagnosis and the right index, built with a plain CREATE INDEX: checkout's inserts wait behind the
-- build's SHARE lock for as long as it runs.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
SHOW work_mem;
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 18 ORDER BY created_at DESC LIMIT 1000;
CREATE INDEX idx_orders_tenant_created ON orders (tenant_id, created_at DESC);
