-- The server's limit, and what is really connected, by service and state.
SHOW max_connections;

SELECT application_name, usename, state, count(*) AS sessions,
       min(backend_start) AS first_connected, min(state_change) AS idle_since
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY application_name, usename, state
ORDER BY sessions DESC;

-- A thousand allowed, about seventy used, sixty of them inventory_api connections idle since they were opened.
-- End the idle ones: each pod's pool reopens only its minimum of two.
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'inventory_api'
  AND usename = 'inventory_app'
  AND state = 'idle';
