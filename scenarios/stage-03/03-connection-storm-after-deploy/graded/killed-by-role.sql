-- grade: detect 40, fix 40, trap 12
-- A sound diagnosis, then the sessions chosen by role instead of by application: every app_user session is
-- ended. The storm is gone and the apps reconnect, but checkout and the order worker were cut off mid-work for
-- nothing.
SELECT application_name, usename, state, count(*), min(backend_start), max(backend_start)
FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
SHOW max_connections;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'app_user';
