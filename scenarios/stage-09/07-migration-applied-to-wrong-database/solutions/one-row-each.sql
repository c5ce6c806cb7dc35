-- One row of orders in each database shows the difference at a glance, and analytics_db's ledger says when the
-- stray migration ran. The repair in one short transaction, its lock_timeout set for that transaction only.
\connect app_db
SELECT * FROM orders LIMIT 1;
\connect analytics_db
SELECT * FROM orders LIMIT 1;
SELECT version, applied_at FROM schema_migrations WHERE version = '0031_orders_release_id';
\connect app_db
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations VALUES ('0031_orders_release_id', now());
COMMIT;
