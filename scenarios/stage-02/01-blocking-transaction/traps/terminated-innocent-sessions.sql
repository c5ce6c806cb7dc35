-- Tempting: "the checkout workers are stuck, kill them and let the pool reconnect".
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'checkout_api';
