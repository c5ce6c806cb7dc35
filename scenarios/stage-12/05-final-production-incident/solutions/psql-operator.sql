-- A psql operator's night, front by front, with meta-commands where psql has them: the lock queue from
-- pg_stat_activity and pg_blocking_pids, the runner ended by name (waiting until it is gone), \d orders for the
-- half-applied column, \d orders in tenant_b against tenant_a, \l and \dp for billing. Same repairs as the
-- reference, each after its own look.
SELECT pid, datname, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY datname, application_name;
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = 'migration_runner_20261201';

\connect app_db
\d orders
SELECT col_description('public.orders'::regclass, attnum) FROM pg_attribute
WHERE attrelid = 'public.orders'::regclass AND attname = 'release_id';
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;

\connect tenant_a
\d orders
\connect tenant_b
\d orders
TABLE schema_migrations;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20261201_add_order_release_id');

\l
\connect billing_db
\dp
GRANT CONNECT ON DATABASE billing_db TO app_user;
GRANT SELECT ON new_invoices TO app_user;
