-- grade: detect 40, fix 0, trap 20
-- A careful diagnosis, then plain VACUUM: it refreshes the table's page and row counts but not the column
-- statistics, so the planner still thinks paid orders are rare and keeps the nested loop.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' GROUP BY c.region ORDER BY c.region;
SELECT relname, last_analyze, last_autoanalyze, n_mod_since_analyze, n_dead_tup FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT reloptions FROM pg_class WHERE relname = 'orders';
VACUUM orders;
