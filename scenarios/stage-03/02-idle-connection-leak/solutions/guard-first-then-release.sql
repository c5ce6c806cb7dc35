-- The same repair in the other order, with the guard written in seconds: the timeout only affects sessions
-- that go idle after it is set, so it does not end the existing leak by itself; the termination still has to
-- follow. Sessions picked by their user and state, from app_db.
\connect app_db
SELECT current_setting('max_connections') AS max_connections;
SELECT application_name, usename, state, count(*), min(state_change) AS oldest_state_change
FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
ALTER ROLE reporting SET idle_session_timeout = '300s';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app_db' AND usename = 'reporting' AND state = 'idle';
