-- grade: detect 40, fix 40, trap 10
-- The right diagnosis and the right index, plus a "belt and braces" work_mem for the whole database that nothing
-- needs once the index removes the sort, and that every session in app_db now gets per sort node.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
\connect app_db
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'orders';
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;
CREATE INDEX CONCURRENTLY idx_orders_tenant_created_id ON orders (tenant_id, created_at DESC, id DESC);
ALTER DATABASE app_db SET work_mem = '32MB';
