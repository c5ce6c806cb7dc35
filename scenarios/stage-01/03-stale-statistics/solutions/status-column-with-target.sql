-- Statistics only for the column that moved, with a finer target for it, and autovacuum back on with an
-- analyze threshold suited to a table whose statuses can flip in bulk. The first change is the ALTER TABLE,
-- so every look comes before it.
\connect app_db
SELECT relname, last_analyze, last_autoanalyze, n_mod_since_analyze, n_live_tup
FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT relname, reloptions FROM pg_class WHERE relname = 'orders';
EXPLAIN (ANALYZE, BUFFERS) SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' GROUP BY c.region ORDER BY c.region;
ALTER TABLE orders ALTER COLUMN status SET STATISTICS 500;
ALTER TABLE orders SET (autovacuum_enabled = true, autovacuum_analyze_scale_factor = 0.02);
ANALYZE orders (status);
