-- grade: detect 40, fix 30, trap 20
-- The right diagnosis and the leak released, but nothing keeps it from piling up again: the export path still
-- leaks, and in a few hours the storefront is refused again.
SELECT application_name, usename, state, count(*), min(backend_start), min(state_change)
FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
SHOW max_connections;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'report_service' AND state = 'idle';
