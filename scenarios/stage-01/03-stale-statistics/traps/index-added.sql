-- Tempting: "the dashboard reads paid orders and their totals, so give it a covering index and an index-only
-- scan". Built CONCURRENTLY, so checkout is not blocked. But the planner still believes paid orders are one in
-- a thousand: it keeps the nested loop over 86,000 rows, and checkout pays for one more index on every insert.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY c.region ORDER BY c.region;
CREATE INDEX CONCURRENTLY orders_status_customer_total_idx ON orders (status, customer_id) INCLUDE (total_cents);
