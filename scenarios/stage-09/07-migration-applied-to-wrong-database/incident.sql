-- Release 3.1's migration. The runner's connection string came from the analytics job's environment file, so it
-- ran against analytics_db: orders exists there too, the migration succeeded and was recorded in analytics_db's
-- ledger. app_db never got the column, and 3.1 is live.
\connect analytics_db
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations VALUES ('0031_orders_release_id', now());
