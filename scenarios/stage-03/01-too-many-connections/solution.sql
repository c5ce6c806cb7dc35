-- How full is the server, and who holds the slots?
SHOW max_connections;
SHOW superuser_reserved_connections;

SELECT application_name, usename, datname, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3, 4
ORDER BY 5 DESC;

-- The API's pool reconnects as soon as a connection drops, so first put a ceiling on its role...
ALTER ROLE api_worker CONNECTION LIMIT 10;

-- ...then release the idle connections it hoards above that ceiling (the pool comes back with at most 10).
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE usename = 'api_worker'
  AND application_name = 'app_api_worker'
  AND state = 'idle';
