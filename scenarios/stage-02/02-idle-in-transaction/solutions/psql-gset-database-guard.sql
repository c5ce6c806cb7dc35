-- A psql user's session: the sessions that are in a transaction, oldest first; the oldest one that is idle goes
-- into a psql variable with \gset, that one pid is ended, and the guard goes on the whole database (every app in
-- app_db runs short transactions, so a minute idle inside one is always a bug).
SELECT pid, application_name, state, xact_start, now() - xact_start AS age, wait_event_type
FROM pg_stat_activity
WHERE xact_start IS NOT NULL AND backend_type = 'client backend'
ORDER BY xact_start;
SELECT pid AS stuck_pid, application_name, now() - xact_start AS age
FROM pg_stat_activity
WHERE datname = 'app_db' AND state = 'idle in transaction'
ORDER BY xact_start
LIMIT 1
\gset
SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity WHERE application_name = 'checkout_api';
SELECT pg_terminate_backend(:stuck_pid);
ALTER DATABASE app_db SET idle_in_transaction_session_timeout = '2min';
