-- Tempting: "checkout sessions are stuck, kill them and let the pool reconnect". They were only waiting for the
-- migrate job's lock; their replacements wait for it too, and the in-flight checkouts are lost.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('order_api', 'storefront_api');
