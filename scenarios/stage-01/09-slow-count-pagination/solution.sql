-- What costs the most, and what writes temporary files? Merchant 777's two page requests and the partner's count.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 1) AS mean_ms,
       s.temp_blks_written, left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC
LIMIT 6;

\connect app_db

-- How big is merchant 777 next to the others, and which indexes are there?
SELECT tenant_id, count(*) FROM orders GROUP BY tenant_id ORDER BY count(*) DESC LIMIT 3;
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'orders';

-- The partner's deep page: all 60,000 rows fetched through the tenant index and sorted on disk
-- ("external merge  Disk: ..."), to return fifty.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;

-- The mobile app's cursor page: it only wants fifty rows before its cursor, but without an index in that order it
-- fetches and sorts tens of thousands too.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 AND (created_at, id) < (timestamptz '2025-11-15 12:00:00+00', 9223372036854775807)
ORDER BY created_at DESC, id DESC LIMIT 50;

-- An index in the order the pages read: merchant, then created_at and id in the ORDER BY's direction.
-- CONCURRENTLY: checkout keeps inserting meanwhile.
CREATE INDEX CONCURRENTLY idx_orders_tenant_created_id ON orders (tenant_id, created_at DESC, id DESC);

-- Now: the cursor page starts at its cursor and stops after fifty rows (a handful of buffers); the deep page no
-- longer sorts, though it still reads 50,050 rows to skip 50,000. That part needs the partner on cursors.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 AND (created_at, id) < (timestamptz '2025-11-15 12:00:00+00', 9223372036854775807)
ORDER BY created_at DESC, id DESC LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;
