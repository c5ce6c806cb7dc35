-- Which statement writes the temporary files? The sync's, from app_db: temp_blks_written grows with every call.
SELECT d.datname, s.calls, s.temp_blks_written, round(s.total_exec_time) AS total_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.temp_blks_written DESC, s.total_exec_time DESC
LIMIT 5;

\connect app_db

-- The plan, as the application sends the statement: the merchant's index finds 10,000 rows in no useful order, and
-- the Sort that keeps the newest 1,000 reports "external merge  Disk: ~800kB" and temp blocks written.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = (SELECT floor(random() * 20)::int + 1)
ORDER BY created_at DESC LIMIT 1000;

-- The limit the sort ran into. It stays: it is per sort node per backend, and it was lowered for a reason.
SHOW work_mem;
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'orders';

-- Make the sort unnecessary: the merchant's orders, already newest first. CONCURRENTLY: checkout keeps inserting.
CREATE INDEX CONCURRENTLY idx_orders_tenant_created ON orders (tenant_id, created_at DESC);

-- The same statement now: Limit over an Index Scan, no Sort node, no temp blocks, a tenth of the buffers.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = (SELECT floor(random() * 20)::int + 1)
ORDER BY created_at DESC LIMIT 1000;
