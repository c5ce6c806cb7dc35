-- A psql user's session: \d orders in app_db (no release_id) and in analytics_db (there it is), TABLE on both
-- ledgers, then the migration and its ledger row in app_db.
\connect app_db
\d orders
TABLE schema_migrations;
\connect analytics_db
\d orders
TABLE schema_migrations;
\connect app_db
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations VALUES ('0031_orders_release_id', now());
