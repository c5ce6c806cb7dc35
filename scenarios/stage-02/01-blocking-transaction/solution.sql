-- Who is waiting in app_db, on what, and behind whom?
SELECT pid, application_name, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY application_name, pid;

-- The sessions at the other end of those waits: what are they doing, and since when?
SELECT pid, application_name, usename, state, now() - xact_start AS transaction_age,
       backend_xid, left(query, 80) AS last_query
FROM pg_stat_activity
WHERE pid IN (SELECT unnest(pg_blocking_pids(pid)) FROM pg_stat_activity);

-- The blocker is the back-office console, idle in transaction with every product row locked.
-- End that one backend; its uncommitted price change rolls back and the waiters proceed.
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'backoffice_console' AND state = 'idle in transaction';
