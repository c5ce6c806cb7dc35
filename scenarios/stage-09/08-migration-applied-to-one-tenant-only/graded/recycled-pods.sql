-- grade: detect 0, fix 0, trap 14
-- Symptom treatment: the sessions of tenants B and C are listed and recycled, the schema never looked at. The pools
-- reconnect to the same schema and fail the same way (no Fix), the sessions were not at fault (terminated-app), and
-- nothing about the missing column was found (no Detect).
SELECT datname, application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2, 3;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('tenant_b', 'tenant_c') AND application_name = 'orders_api_2.4';
