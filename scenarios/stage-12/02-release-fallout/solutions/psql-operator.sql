-- An operator at the psql prompt: \d to read the tables, \gset to end exactly the pid found at the head of the queue.
SELECT datname, application_name, state, count(*) FROM pg_stat_activity
WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 1, 2;

SELECT pid AS waiter, pg_blocking_pids(pid) AS blockers, wait_event_type, wait_event
FROM pg_stat_activity WHERE datname = 'tenant_a' AND wait_event_type = 'Lock';

SELECT pid AS runner_pid, application_name, state, xact_start
FROM pg_stat_activity
WHERE datname = 'tenant_a' AND state = 'idle in transaction' AND backend_xid IS NOT NULL
  AND application_name LIKE 'migration_runner%'
\gset

\connect tenant_a
\d orders
\connect tenant_c
\d orders
\connect tenant_b
\d orders
TABLE schema_migrations;

\connect tenant_a
SELECT pg_terminate_backend(:runner_pid);

-- Backfill first, then the default, then a second pass for what the 4.1 pods inserted in between.
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;

\connect tenant_b
BEGIN;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260531_add_order_release_id', now());
COMMIT;
