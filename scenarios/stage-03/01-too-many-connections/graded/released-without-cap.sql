-- grade: detect 40, fix 0, trap 20
-- The right diagnosis and the right sessions, in the wrong order: the idle API connections are
-- ended without a cap on the role, so the pool reconnects within a second and takes the slots
-- back. Nothing lasting was fixed, and nothing innocent was hurt.
SELECT application_name, usename, state, count(*) FROM pg_stat_activity GROUP BY 1, 2, 3 ORDER BY 4 DESC;
SHOW max_connections;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'api_worker' AND state = 'idle';
