-- Tempting: "EXPLAIN shows a nested loop over 86,000 rows, so forbid nested loops". It does push the dashboard
-- to a hash join, but for every query of every application in app_db, including the order page, whose
-- single-order lookup is exactly what a nested loop is for; and the estimates stay as wrong as they were.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY c.region ORDER BY c.region;
ALTER DATABASE app_db SET enable_nestloop = off;
