-- Where does the time go? The new history page's statement, from app_db, far ahead of everything else.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 2) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC
LIMIT 5;

\connect app_db

-- The plan, as the application sends the statement: a (parallel) Seq Scan over the whole table, nearly every row
-- removed by the filter, for twenty rows.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = (SELECT floor(random() * 1000)::int + 1) AND status = 'completed'
ORDER BY created_at DESC LIMIT 20;

-- The only secondary index is on status, and 'completed' is more than half of the table.
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'orders';
SELECT most_common_vals, most_common_freqs FROM pg_stats WHERE tablename = 'orders' AND attname = 'status';

-- Lead with the column that narrows the page down (the tenant), then the other equality column, then the sort
-- column. CONCURRENTLY: checkout keeps inserting meanwhile. The status index stays: the fulfilment queue uses it.
CREATE INDEX CONCURRENTLY idx_orders_tenant_status_created ON orders (tenant_id, status, created_at DESC);

-- The same statement now: an index scan, a couple of dozen buffers, no sort.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = (SELECT floor(random() * 1000)::int + 1) AND status = 'completed'
ORDER BY created_at DESC LIMIT 20;
