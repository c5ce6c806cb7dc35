-- Tempting: end the export, then "really" clean orders with VACUUM FULL — an ACCESS EXCLUSIVE rewrite
-- that stops every query on orders while it runs (and leaves no page marked all-visible).
\connect tenant_b
SELECT pg_terminate_backend(pid, 5000)
FROM pg_stat_activity
WHERE datname = 'tenant_b' AND application_name = 'old_snapshot' AND state = 'idle in transaction';
VACUUM FULL orders;
