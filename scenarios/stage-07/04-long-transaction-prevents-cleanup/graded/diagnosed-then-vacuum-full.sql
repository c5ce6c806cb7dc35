-- grade: detect 40, fix 20, trap 14
-- The right diagnosis and the right session ended, then VACUUM FULL to "really" clean orders: an ACCESS EXCLUSIVE
-- rewrite under the live shop (the vacuum-full trap). The rewritten table has no page marked all-visible, so the
-- cleanup a plain VACUUM would have done (and index-only scans) is still missing: half of Fix.
\connect tenant_b
SELECT relname, n_dead_tup FROM pg_stat_user_tables;
SELECT pid, application_name, state, backend_xmin, xact_start FROM pg_stat_activity WHERE datname = 'tenant_b';
SELECT pg_terminate_backend(pid, 5000)
FROM pg_stat_activity WHERE datname = 'tenant_b' AND application_name = 'old_snapshot';
VACUUM FULL orders;
