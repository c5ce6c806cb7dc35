-- Where does the time go? The dashboard statement dominates total time.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 2) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC
LIMIT 5;

\connect app_db

-- The plan, as the application sends the statement: Seq Scan on orders, then a Sort.
EXPLAIN SELECT id, status, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 250000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 20;

-- What indexes are left on orders? Only the primary key.
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'orders';

-- Equality columns first, then the sort column. CONCURRENTLY: checkout keeps inserting meanwhile.
CREATE INDEX CONCURRENTLY orders_user_status_created_idx ON orders (user_id, status, created_at);

-- Check the plan again: an index scan on the new index, a few rows, no Seq Scan.
EXPLAIN SELECT id, status, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 250000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 20;
