-- What does 3.1 fail on? The columns of orders where the service runs.
\connect app_db
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;
SELECT version, applied_at FROM schema_migrations ORDER BY version;

-- The migration "ran fine": the other database's ledger says where.
\connect analytics_db
SELECT version, applied_at FROM schema_migrations ORDER BY version;
SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = 'release_id';

-- Run it where it belongs: a catalog-only ADD COLUMN, under a lock_timeout so it gives up rather than queueing the
-- order service behind a long transaction, and recorded in app_db's ledger so the next deploy skips it.
-- analytics_db is left as it is: the stray column is nullable and unused, and removing it is the analytics team's
-- change to schedule.
\connect app_db
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version, applied_at) VALUES ('0031_orders_release_id', now());
COMMIT;
