-- A psql user's session: the connections per user, then the report service's connections with how long each
-- has been idle, the limit through pg_settings, then end the reporting user's idle sessions and give the role
-- the guard in app_db only (ALTER USER is ALTER ROLE).
SELECT usename, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY usename ORDER BY 2 DESC;
SELECT pid, application_name, state, backend_start, now() - state_change AS idle_for, left(query, 60) AS last_query
FROM pg_stat_activity
WHERE usename = 'reporting'
ORDER BY state_change;
SELECT name, setting FROM pg_settings WHERE name IN ('max_connections', 'superuser_reserved_connections');
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'reporting' AND state = 'idle';
ALTER USER reporting IN DATABASE app_db SET idle_session_timeout = '15min';
