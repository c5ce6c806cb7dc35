-- grade: detect 40, fix 0, trap 20
-- A careful diagnosis, then pg_cancel_backend on the importer's workers: it cancels the statement each one is
-- running (or waiting in), and the worker's loop simply sends the next one. The queue is back within a second.
SELECT application_name, wait_event_type, wait_event, count(*)
FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
SELECT pid, application_name, pg_blocking_pids(pid) AS blocked_by, left(query, 60) FROM pg_stat_activity WHERE wait_event_type = 'Lock';
SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'claims_importer';
