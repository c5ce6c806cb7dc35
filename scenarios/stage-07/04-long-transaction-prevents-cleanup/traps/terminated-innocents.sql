-- Tempting: "clear out everything idle in tenant_b" — the shop's pooled connections go with the export.
\connect tenant_b
SELECT pg_terminate_backend(pid, 5000)
FROM pg_stat_activity
WHERE datname = 'tenant_b'
  AND state LIKE 'idle%'
  AND usename IN ('app_user', 'report_user');
VACUUM (ANALYZE) orders;
