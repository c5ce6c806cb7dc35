-- pg_settings for the limit, the sessions grouped by role in app_db, a tight cap of 5 (the API
-- only ever runs a request or two at a time) and every API session ended, the busy long poll
-- included: the pool reconnects up to the cap. Another valid cap, another valid release.
SELECT name, setting FROM pg_settings WHERE name IN ('max_connections', 'superuser_reserved_connections');
\connect app_db
SELECT usename, state, count(*) FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY usename, state ORDER BY 3 DESC;
ALTER ROLE api_worker WITH CONNECTION LIMIT 5;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'api_worker';
