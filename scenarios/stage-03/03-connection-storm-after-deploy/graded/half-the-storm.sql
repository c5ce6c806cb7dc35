-- grade: detect 40, fix 20, trap 20
-- The right diagnosis, then only "enough" of the storm ended to let the storefront back in: eleven warm-up
-- sessions still hold slots, so the next burst of page views (or the next deploy) is refused again.
SELECT application_name, state, count(*), min(backend_start), max(backend_start)
FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2 ORDER BY 3 DESC;
SHOW max_connections;
SELECT pg_terminate_backend(pid)
FROM (SELECT pid FROM pg_stat_activity WHERE application_name = 'deploy_worker' ORDER BY pid LIMIT 11) AS first_half;
