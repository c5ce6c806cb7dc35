-- grade: detect 40, fix 10, trap 20
-- Diagnosed properly, and the guard is right, but nothing is ended: idle_session_timeout only arms when a
-- session next goes idle, so the 22 connections that are idle already stay, and the storefront stays refused.
SELECT application_name, usename, state, count(*), min(state_change)
FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
SHOW max_connections;
ALTER ROLE reporting SET idle_session_timeout = '10min';
