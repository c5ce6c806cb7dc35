-- grade: detect 20, fix 40, trap 8
-- The plan and the estimates were read, but the first reflex was an index; only when that did not help were
-- the statistics refreshed. The dashboard is fixed, the index is dead weight on every checkout insert, and the
-- history and options of the table were never looked at.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT c.region, count(*) AS paid_orders, sum(o.total_cents) AS revenue_cents
FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' GROUP BY c.region ORDER BY c.region;
CREATE INDEX CONCURRENTLY orders_status_customer_idx ON orders (status, customer_id);
ANALYZE orders;
