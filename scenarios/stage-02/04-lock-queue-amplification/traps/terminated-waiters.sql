-- Tempting: "the app sessions are all stuck, kill them and let the pools reconnect".
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name IN ('storefront_api', 'order_api');
