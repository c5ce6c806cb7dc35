-- How full is the server, and who holds the slots, in what state, idle since when?
SHOW max_connections;

SELECT application_name, usename, state, count(*) AS sessions,
       min(backend_start) AS first_connected, max(backend_start) AS last_connected,
       min(state_change) AS idle_since
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY application_name, usename, state
ORDER BY sessions DESC;

-- report_service holds 22 connections, every one idle since its only query: leaked by the export path,
-- never to be used again. End them (the storefront_admin pool is idle too, but it is a healthy pool).
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'report_service'
  AND usename = 'reporting'
  AND state = 'idle';

-- Until the export path closes its connections, let the server end any reporting session idle for 10 minutes.
ALTER ROLE reporting SET idle_session_timeout = '10min';
