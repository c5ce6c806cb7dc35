-- What costs the most? The dashboard's paid-revenue statement, from app_db.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 1) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 120) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC
LIMIT 5;

\connect app_db

-- The plan, with estimated and actual rows side by side: the planner expects ~130 paid orders and gets 86,000,
-- so it probes customers once per order (a nested loop) and sorts on disk.
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY c.region ORDER BY c.region;

-- What the planner believes about status, and what is really there.
SELECT most_common_vals, most_common_freqs FROM pg_stats WHERE tablename = 'orders' AND attname = 'status';
SELECT status, count(*) FROM orders GROUP BY status ORDER BY 2 DESC;

-- When were the statistics last refreshed, and how much has changed since?
SELECT relname, last_analyze, last_autoanalyze, n_mod_since_analyze, n_live_tup, n_dead_tup
FROM pg_stat_user_tables WHERE relname IN ('orders', 'customers');

-- Why autoanalyze never caught up: autovacuum is switched off for this table.
SELECT relname, reloptions FROM pg_class WHERE relname = 'orders';

-- Refresh the statistics (a sample, under a lock that does not block reads or writes), then let autovacuum and
-- autoanalyze look after the table again.
ANALYZE orders;
ALTER TABLE orders RESET (autovacuum_enabled);

-- The same statement now: a hash join of two sequential scans, estimates close to the actual rows.
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY c.region ORDER BY c.region;
