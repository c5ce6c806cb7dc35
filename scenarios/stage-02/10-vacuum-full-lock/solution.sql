-- What are the shop's sessions doing, and who are they waiting for?
SELECT pid, application_name, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, now() - query_start AS running_for, left(query, 60) AS query
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY cardinality(pg_blocking_pids(pid)), application_name, pid;

\connect app_db
-- The locks on orders and its index: the maintenance job's VACUUM FULL holds ACCESS EXCLUSIVE on the table and
-- waits for the index, which the job's other connection holds in an uncommitted transaction.
SELECT l.pid, a.application_name, l.relation::regclass AS relation, l.mode, l.granted, a.state, left(a.query, 60) AS query
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation'
  AND l.relation IN ('public.orders'::regclass, 'public.orders_customer_created_idx'::regclass)
ORDER BY l.granted DESC, l.relation, l.pid;

-- How far the rewrite got.
SELECT pid, relid::regclass, command, phase, heap_tuples_written, index_rebuild_count FROM pg_stat_progress_cluster;

-- Stop the VACUUM FULL: its rewrite rolls back and the table is released. Then end the job's idle transaction,
-- whose uncommitted index change has no reason to stay.
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'nightly_maintenance' AND state = 'active' AND query ILIKE 'VACUUM FULL%';
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'nightly_maintenance' AND state = 'idle in transaction';

-- Validate: a read of orders goes through again.
SELECT count(*) FROM orders WHERE customer_id = 42;
