-- From app_db: the sessions per application with their connect times, the limit, then the warm-up's running
-- queries cancelled first (so no worker dies mid-statement) and its sessions ended.
\connect app_db
SHOW superuser_reserved_connections;
SHOW max_connections;
SELECT application_name, state, count(*), min(backend_start), max(backend_start)
FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY 1, 2 ORDER BY 3 DESC;
SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = 'app_db' AND application_name = 'deploy_worker' AND state = 'active';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app_db' AND application_name = 'deploy_worker';
