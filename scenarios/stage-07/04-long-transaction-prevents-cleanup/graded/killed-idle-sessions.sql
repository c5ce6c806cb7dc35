-- grade: detect 20, fix 40, trap 10
-- Sees that VACUUM left the dead rows in tenant_b, but never asks which session holds the old snapshot: it ends
-- every idle session of tenant_b instead. The export goes with them, so VACUUM then works (the full Fix), but the
-- shop's pooled connections were innocent (terminated-innocents), and the holder was never identified (half of Detect).
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup, last_vacuum FROM pg_stat_user_tables;
SELECT pg_terminate_backend(pid, 5000)
FROM pg_stat_activity
WHERE datname = 'tenant_b' AND state LIKE 'idle%' AND pid <> pg_backend_pid();
VACUUM (ANALYZE) orders;
