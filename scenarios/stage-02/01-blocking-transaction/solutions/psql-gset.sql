-- A psql user's session: look at the waiters and their blockers, put the blocker's pid (the one
-- session in app_db idle in a transaction that has written something) into a psql variable
-- with \gset, end that one pid, and make the console role time out idle transactions from now
-- on (the prevention the postmortem recommends; only new console sessions get it, and no
-- application shares the role).
SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE wait_event_type = 'Lock';
SELECT b.pid AS blocker, b.application_name, b.state, now() - b.xact_start AS xact_age, b.backend_xid, left(b.query, 60) AS last_query
FROM pg_stat_activity b
WHERE b.datname = 'app_db' AND b.state = 'idle in transaction' AND b.backend_xid IS NOT NULL
\gset
SELECT pg_terminate_backend(:blocker);
ALTER ROLE backoffice SET idle_in_transaction_session_timeout = '5min';
