-- A psql user's session: \d orders for the indexes, EXPLAIN ANALYZE for the spill, and an ascending index. A
-- B-tree reads just as well backwards, so (tenant_id, created_at) serves ORDER BY created_at DESC the same way
-- (Index Scan Backward), with no sort.
SELECT query, calls, temp_blks_read, temp_blks_written FROM pg_stat_statements WHERE temp_blks_written > 0 ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
\d orders
SHOW work_mem;
EXPLAIN ANALYZE SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 12 ORDER BY created_at DESC LIMIT 1000;
CREATE INDEX CONCURRENTLY orders_tenant_created_asc_idx ON orders (tenant_id, created_at);
EXPLAIN ANALYZE SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 12 ORDER BY created_at DESC LIMIT 1000;
