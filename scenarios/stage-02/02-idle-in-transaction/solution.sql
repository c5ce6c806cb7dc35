-- Every session with its state, its transaction's age and what it waits for.
SELECT pid, application_name, usename, state, wait_event_type, wait_event,
       now() - xact_start AS transaction_age, backend_xid, left(query, 70) AS last_query
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY xact_start NULLS LAST, pid;

-- Who do the waiting checkouts wait for? The same pid every time.
SELECT pid, application_name, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity
WHERE wait_event_type = 'Lock';

-- The blocker is one fulfillment_worker connection, idle in transaction for minutes with the invoice counter
-- locked. End that backend only (its half-done invoice rolls back); the other fulfillment_worker connection is
-- healthy and the idle storefront connections hold no transaction at all.
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db'
  AND state = 'idle in transaction'
  AND backend_xid IS NOT NULL;

-- The worker's code still holds a transaction across a network call: until that is fixed, any fulfilment
-- session that sits idle in a transaction for a minute is ended by the server.
ALTER ROLE fulfillment SET idle_in_transaction_session_timeout = '1min';
