-- What are the failing writes doing? Waiting on a lock on a relation, not working.
SELECT pid, application_name, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY application_name, pid;

\connect app_db
-- Every lock on orders: the migration runner holds a granted ShareLock, the writers wait for RowExclusiveLock.
SELECT l.pid, a.application_name, l.mode, l.granted, a.state, a.client_addr,
       now() - a.xact_start AS transaction_age, left(a.query, 70) AS last_query
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'public.orders'::regclass
ORDER BY l.granted DESC, a.xact_start;

-- The runner's pod is gone; its transaction never will commit. Ending the backend rolls back the plain CREATE INDEX
-- and the ledger row, and the SHARE lock goes with them.
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'migration_runner' AND state = 'idle in transaction';

-- Give the account page the index the release meant to add, without blocking writes (outside any transaction block).
CREATE INDEX CONCURRENTLY idx_orders_user_id_safe ON orders (user_id);

-- Validate: the index is valid and the account page's lookup uses it.
SELECT indexrelid::regclass AS index, indisvalid FROM pg_index WHERE indrelid = 'public.orders'::regclass;
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, status, total_cents, created_at FROM orders WHERE user_id = 42 ORDER BY created_at DESC LIMIT 20;
