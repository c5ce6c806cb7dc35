-- The same index, found from the other end: pg_stat_statements sorted by temp blocks points at the deep page,
-- pg_index shows that the only merchant index has no order, and both plans are compared before and after.
SELECT query, calls, temp_blks_read, temp_blks_written FROM pg_stat_statements
WHERE temp_blks_written > 0 ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
SELECT indexrelid::regclass, indkey, indisvalid FROM pg_index WHERE indrelid = 'orders'::regclass;
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 AND (created_at, id) < (timestamptz '2025-06-01 00:00:00+00', 9223372036854775807)
ORDER BY created_at DESC, id DESC LIMIT 50;
SET maintenance_work_mem = '64MB';
CREATE INDEX CONCURRENTLY orders_tenant_created_desc_idx ON orders (tenant_id, created_at DESC, id DESC);
RESET maintenance_work_mem;
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 AND (created_at, id) < (timestamptz '2025-06-01 00:00:00+00', 9223372036854775807)
ORDER BY created_at DESC, id DESC LIMIT 50;
