-- A psql user's session: find the burst by its connect times, keep its window in psql variables with \gset,
-- and end exactly the sessions that connected inside it as deploy_worker.
SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS app_slots,
       count(*) AS connected
FROM pg_stat_activity WHERE backend_type = 'client backend';
SELECT application_name, count(*), min(backend_start) AS burst_start, max(backend_start) AS burst_end
FROM pg_stat_activity WHERE backend_type = 'client backend'
GROUP BY application_name ORDER BY 2 DESC;
SELECT min(backend_start) AS burst_start, max(backend_start) AS burst_end
FROM pg_stat_activity WHERE application_name = 'deploy_worker' \gset
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'deploy_worker'
  AND backend_start BETWEEN :'burst_start' AND :'burst_end';
