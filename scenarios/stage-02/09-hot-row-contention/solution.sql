-- Who is connected to app_db, in what state, and what are they waiting for?
SELECT application_name, usename, state, wait_event_type, wait_event, count(*)
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
GROUP BY 1, 2, 3, 4, 5
ORDER BY count(*) DESC;

-- What do they queue for? Every waiter wants the same tuple of sales, and the chain leads from holder to holder.
SELECT a.pid, a.application_name, a.wait_event, pg_blocking_pids(a.pid) AS blocked_by, left(a.query, 70) AS query
FROM pg_stat_activity a
WHERE a.datname = 'app_db' AND a.wait_event_type = 'Lock'
ORDER BY a.query_start
LIMIT 10;
SELECT l.locktype, l.relation::regclass, l.page, l.tuple, l.mode, l.granted, count(*)
FROM pg_locks l
WHERE l.locktype IN ('tuple', 'transactionid') AND NOT l.granted
GROUP BY 1, 2, 3, 4, 5, 6;

-- Why each importer holds the row so long: it pushes a notification before its transaction ends.
\connect app_db
SELECT pg_get_functiondef('import_offline_claim'::regproc);

-- Stabilise: end the importer's workers (a one-shot job: they do not come back). Checkout and the sale page keep
-- their sessions.
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND application_name = 'claims_importer';
