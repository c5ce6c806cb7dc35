-- Tempting: "put an idle timeout on the whole database, then no connection can leak". The leaked ones are
-- ended by hand first (correctly), but the guard lands on everyone in app_db: every healthy pool's warm
-- connections will now be cut after two minutes without a query, and pools do not always take that well.
SELECT application_name, usename, state, count(*), min(state_change)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY 4 DESC;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'report_service' AND state = 'idle';
ALTER DATABASE app_db SET idle_session_timeout = '2min';
