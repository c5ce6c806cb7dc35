\connect app_db

-- Who waits on what, and behind whom?
SELECT pid, application_name, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY cardinality(pg_blocking_pids(pid)), application_name, pid;

-- The lock queue on orders: granted locks first, then the waiters.
SELECT l.pid, a.application_name, l.mode, l.granted, a.state, now() - a.xact_start AS transaction_age
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = 'app_db')
  AND l.relation = 'public.orders'::regclass
ORDER BY l.granted DESC, a.xact_start;

-- Follow the chain to its head: sessions that block someone but wait for nobody.
SELECT a.pid, a.application_name, a.state, now() - a.xact_start AS transaction_age, left(a.query, 80) AS last_query
FROM pg_stat_activity a
WHERE a.pid IN (SELECT unnest(pg_blocking_pids(w.pid)) FROM pg_stat_activity w)
  AND cardinality(pg_blocking_pids(a.pid)) = 0;

-- The root blocker: the finance export, idle in transaction with an ACCESS SHARE lock on orders.
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'finance_export' AND state = 'idle in transaction';

-- Validate: this read queues behind the migration, which now finishes, then returns.
SELECT count(*) AS orders FROM orders;
SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = 'gift_message';
