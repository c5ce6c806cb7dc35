-- Tempting: "tenant B's sync is stuck, recycle its connections". It reconnects to the same schema and fails the
-- same way.
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'tenant_b' AND application_name IN ('marketplace_sync', 'orders_api');
