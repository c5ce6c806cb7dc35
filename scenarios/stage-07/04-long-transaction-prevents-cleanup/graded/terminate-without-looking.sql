-- grade: detect 0, fix 40, trap 20
-- The right fix from memory, with no look at the sessions or at the dead rows first: it works (the full Fix, no
-- trap), but nothing shows how the operator knew, so it earns no Detect.
\connect tenant_b
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = 'old_snapshot';
VACUUM (ANALYZE) orders;
