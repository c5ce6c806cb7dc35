-- Follow the change: the connection count per user and state, the server's limit through
-- current_setting, then the deploys table in app_db, where API 7.0's pool change is recorded.
-- ALTER USER is the same statement as ALTER ROLE; the cap (12) leaves the others 15 slots.
SELECT usename, application_name, state, count(*) AS sessions,
       current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS app_slots
FROM pg_stat_activity WHERE backend_type = 'client backend'
GROUP BY usename, application_name, state ORDER BY sessions DESC;
\connect app_db
SELECT service, version, deployed_at, notes FROM deploys ORDER BY deployed_at DESC LIMIT 3;
ALTER USER api_worker CONNECTION LIMIT 12;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'api_worker' AND state = 'idle';
