-- grade: detect 0, fix 40, trap 20
-- The missing migration applied to app_db and recorded, with no look at either database first: it works, but
-- nothing shows how the operator knew where the migration had gone.
\connect app_db
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations VALUES ('0031_orders_release_id', now());
