-- How full is the server, who holds the slots, and since when?
SHOW max_connections;

SELECT application_name, usename, state, count(*) AS sessions,
       min(backend_start) AS first_connected, max(backend_start) AS last_connected
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY application_name, usename, state
ORDER BY sessions DESC;

-- deploy_worker holds 22 connections, all opened within the same second right after release 8.3: the
-- post-deploy warm-up's burst. It is a one-shot task and gives up once its connection is gone. Every service
-- logs in as app_user, so choose the sessions by application_name.
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'deploy_worker';
