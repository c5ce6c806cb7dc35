-- What are the failing writes doing? Waiting on a lock on a relation, not working.
SELECT pid, application_name, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY application_name, pid;

\connect app_db
-- Every lock on orders: the migrate job holds a granted ShareLock, the writers wait for RowExclusiveLock.
SELECT l.pid, a.application_name, l.mode, l.granted, a.state,
       now() - a.xact_start AS transaction_age, left(a.query, 70) AS last_query
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'public.orders'::regclass
ORDER BY l.granted DESC, a.xact_start;

-- End the migrate job's transaction: its plain CREATE INDEX is rolled back and the SHARE lock goes with it.
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'release_5_2_migrate' AND state = 'idle in transaction';

-- Give the report the index the release meant to add, without blocking writes (outside any transaction block).
CREATE INDEX CONCURRENTLY idx_orders_created_at_good ON orders (created_at);

-- Validate: the index is valid and the report uses it.
SELECT indexrelid::regclass AS index, indisvalid FROM pg_index WHERE indrelid = 'public.orders'::regclass;
EXPLAIN (ANALYZE, BUFFERS)
SELECT date_trunc('hour', created_at) AS hour, count(*) AS orders, sum(total_cents) AS revenue_cents
FROM orders
WHERE created_at >= timestamptz '2026-10-01 06:00:00+00' AND created_at < timestamptz '2026-10-01 12:00:00+00'
GROUP BY 1 ORDER BY 1;
