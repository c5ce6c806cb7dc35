-- Tempting: "the pods for B and C are broken, recycle their connections".
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname IN ('tenant_b', 'tenant_c') AND application_name LIKE 'orders_api%';
