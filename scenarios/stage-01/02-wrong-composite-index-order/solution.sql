-- Where does the time go? The new panel's statement, from app_db, far ahead of everything else.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 2) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC
LIMIT 5;

\connect app_db

-- The plan, as the application sends the statement: an index scan, but a couple of hundred buffers for 20 rows.
-- tenant_id sits in the Index Cond, yet it narrows nothing: it is only checked entry by entry.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = (SELECT floor(random() * 2000)::int + 1) AND status = 'paid'
ORDER BY created_at DESC LIMIT 20;

-- The only index with these columns has them in the order (status, created_at, tenant_id).
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'orders';

-- Equality columns first, then the sort column. CONCURRENTLY: checkout keeps inserting meanwhile. The existing
-- index stays: the operations console uses it.
CREATE INDEX CONCURRENTLY idx_orders_good ON orders (tenant_id, status, created_at DESC);

-- The same statement now: a handful of buffers, no sort.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = (SELECT floor(random() * 2000)::int + 1) AND status = 'paid'
ORDER BY created_at DESC LIMIT 20;
