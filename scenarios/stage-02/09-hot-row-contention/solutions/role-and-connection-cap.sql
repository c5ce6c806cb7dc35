-- Find the pile-up by role rather than by application name, end every session of the importer's role, and cap
-- how many connections that role may open, so a rerun of the job cannot flood the row again with sixteen
-- workers. (Reset restores the role's limit.)
SELECT usename, application_name, wait_event_type, wait_event, count(*) AS sessions
FROM pg_stat_activity
WHERE datname = 'app_db'
GROUP BY usename, application_name, wait_event_type, wait_event
ORDER BY sessions DESC;
SELECT pid, usename, pg_blocking_pids(pid) AS blocked_by FROM pg_stat_activity WHERE wait_event_type = 'Lock';
ALTER ROLE importer CONNECTION LIMIT 2;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'importer';
