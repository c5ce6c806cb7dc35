-- The minimal repair, exactly as the catalog gives it: look, then ANALYZE orders and nothing else. The
-- dashboard is fixed at once; turning autovacuum back on is the prevention (see the postmortem), left to a
-- change request here because the table's options were set on purpose once and someone should find out why.
\connect app_db
SELECT attname, n_distinct, most_common_vals, most_common_freqs FROM pg_stats WHERE tablename = 'orders';
EXPLAIN SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' GROUP BY c.region ORDER BY c.region;
SELECT pg_stat_get_last_analyze_time('orders'::regclass) AS last_analyze,
       pg_stat_get_last_autoanalyze_time('orders'::regclass) AS last_autoanalyze,
       pg_stat_get_mod_since_analyze('orders'::regclass) AS modified_since;
SELECT c.relname, o.option_name, o.option_value
FROM pg_class c CROSS JOIN LATERAL pg_options_to_table(c.reloptions) AS o
WHERE c.relname = 'orders';
ANALYZE orders;
