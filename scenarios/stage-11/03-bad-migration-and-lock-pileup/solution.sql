-- 1. Stabilise: who blocks the writers?
SELECT pid, application_name, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, now() - xact_start AS transaction_age, left(query, 60) AS query
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY application_name, pid;

\connect app_db

-- The locks on orders: the migration holds SHARE (from CREATE INDEX), the writers wait for ROW EXCLUSIVE.
SELECT l.pid, a.application_name, l.mode, l.granted, a.state
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = 'app_db')
  AND l.relation = 'public.orders'::regclass
ORDER BY l.granted DESC, l.pid;

-- End the migration's open transaction (its index build rolls back; the committed column stays).
SELECT pid, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name LIKE 'migration_runner%' AND state = 'idle in transaction';

-- 2. Root cause: the half-applied column.
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = 'release_id';
SELECT count(*) FILTER (WHERE release_id IS NULL) AS without_release_id, count(*) AS orders FROM orders;

-- Default first, so rows written from now on get a value; then backfill the rest.
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;

-- 3. Validate: no NULLs left, and nobody is waiting on a lock any more.
SELECT count(*) FILTER (WHERE release_id IS NULL) AS without_release_id, count(*) AS orders FROM orders;
SELECT application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity
WHERE datname = 'app_db' AND backend_type = 'client backend'
ORDER BY application_name;
