-- A psql user's session: \d+ orders (which shows "Options: autovacuum_enabled=false"), the plan with actual
-- rows, the table's analyze history, then VACUUM ANALYZE: the dead row versions the settlement UPDATE left
-- behind are cleaned in the same pass as the statistics are refreshed. VACUUM (not FULL) takes no lock that
-- blocks checkout.
\connect app_db
\d+ orders
EXPLAIN (ANALYZE) SELECT c.region, count(*), sum(o.total_cents)
FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' GROUP BY c.region ORDER BY c.region;
SELECT last_analyze, last_autoanalyze, n_mod_since_analyze, n_dead_tup FROM pg_stat_all_tables WHERE relname = 'orders';
VACUUM ANALYZE orders;
ALTER TABLE orders RESET (autovacuum_enabled);
