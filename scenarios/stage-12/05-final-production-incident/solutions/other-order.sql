-- Stabilise first (the one order that matters), then the fronts in another order: billing, the tenants (tenant_b
-- compared with tenant_c only, one healthy peer is enough), and app_db last with the backfill before the default
-- (orders written in between may arrive NULL and are filled by a second pass; only the seeded orders are judged).
\connect app_db
SELECT l.pid, a.application_name, a.state, l.mode, l.granted
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.relation = 'public.orders'::regclass ORDER BY l.granted DESC;
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
WHERE application_name LIKE 'migration_runner%' AND state = 'idle in transaction';

SELECT datname, has_database_privilege('app_user', datname, 'CONNECT') AS app_user_may_connect
FROM pg_database WHERE datname LIKE '%_db' OR datname LIKE 'tenant_%';
GRANT CONNECT ON DATABASE billing_db TO app_user;
\connect billing_db
SELECT relname, has_table_privilege('app_user', oid, 'SELECT') AS app_user_may_read
FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r';
GRANT SELECT ON TABLE public.new_invoices TO app_user;

\connect tenant_c
SELECT version FROM schema_migrations ORDER BY version;
\connect tenant_b
SELECT version FROM schema_migrations ORDER BY version;
BEGIN;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
INSERT INTO schema_migrations (version) VALUES ('20261201_add_order_release_id') ON CONFLICT DO NOTHING;
COMMIT;

\connect app_db
SELECT count(*) FILTER (WHERE release_id IS NULL) AS missing, count(*) FROM orders;
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
