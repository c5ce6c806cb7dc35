-- grade: detect 0, fix 0, trap 12
-- Treating "checkout is slow" as a performance problem: count the connections, refresh the
-- statistics and index the foreign key. Nobody asks what checkout waits for; the console
-- keeps its locks, checkout keeps failing, and two reflexes cost their trap points.
SELECT count(*) FROM pg_stat_activity;
\connect app_db
ANALYZE products;
CREATE INDEX orders_product_id_idx ON orders (product_id);
