-- The tolerated use of work_mem: raised in this session only, to prove the spill is a memory limit (the same
-- plan, now "top-N heapsort  Memory: ~330kB"), then put back. The fix is still the index; nobody else's sessions
-- changed.
SELECT datname, temp_files, pg_size_pretty(temp_bytes) FROM pg_stat_database WHERE datname IS NOT NULL ORDER BY temp_bytes DESC;
\connect app_db
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY temp_blks_written DESC LIMIT 3;
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 7 ORDER BY created_at DESC LIMIT 1000;
SELECT name, setting, unit, source FROM pg_settings WHERE name = 'work_mem';
SET work_mem = '4MB';
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 7 ORDER BY created_at DESC LIMIT 1000;
RESET work_mem;
CREATE INDEX CONCURRENTLY orders_tenant_created_idx ON orders (tenant_id, created_at DESC);
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 7 ORDER BY created_at DESC LIMIT 1000;
