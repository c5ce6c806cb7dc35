-- grade: detect 10, fix 10, trap 15
-- Symptom treatment: a quick count of sessions per database, then everything in tenant_a is recycled. The runner is
-- among them, so the webhook's updates go through, but the blocker was never traced, the pods were victims
-- (terminated-app-sessions), and the half-applied column and tenant_b are untouched.
SELECT datname, application_name, count(*) FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 1, 2;

SELECT pg_terminate_backend(pid) FROM pg_stat_activity
WHERE datname = 'tenant_a' AND pid <> pg_backend_pid();
