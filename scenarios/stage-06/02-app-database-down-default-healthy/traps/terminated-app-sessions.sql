-- Tempting: "bounce everything connected to app_db" (the fulfillment worker was fine, and it cannot reconnect).
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND pid <> pg_backend_pid();
