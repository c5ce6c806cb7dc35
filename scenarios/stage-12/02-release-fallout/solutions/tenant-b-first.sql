-- Stabilise first (that order is fixed), then the quick front (tenant_b) before the long one (tenant_a),
-- with tenant_b brought to exactly tenant_c's state: column, default and ledger row.
SELECT pid, datname, application_name, state, wait_event, pg_blocking_pids(pid)
FROM pg_stat_activity WHERE datname LIKE 'tenant%' ORDER BY datname;

SELECT pg_terminate_backend(pid) FROM pg_stat_activity
WHERE application_name = 'migration_runner_20260531' AND datname = 'tenant_a';

\connect tenant_c
SELECT version FROM schema_migrations ORDER BY version;
SELECT column_name, data_type, column_default FROM information_schema.columns WHERE table_name = 'orders';
\connect tenant_b
SELECT version FROM schema_migrations ORDER BY version;
SELECT column_name, data_type, column_default FROM information_schema.columns WHERE table_name = 'orders';

BEGIN;
ALTER TABLE orders ADD COLUMN release_id text DEFAULT 'unknown';
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id');
COMMIT;

\connect tenant_a
SELECT release_id, count(*) FROM orders GROUP BY 1;
BEGIN;
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
COMMIT;
