-- Tempting: "checkout's requests take seconds, its query must need an index". The requests never reach
-- PostgreSQL: they wait for a server connection in PgBouncer.
\connect app_db
EXPLAIN SELECT id, status, total_cents FROM orders WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 10;
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at DESC);
