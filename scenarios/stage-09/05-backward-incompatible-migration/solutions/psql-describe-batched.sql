-- A psql user's session: which versions are connected to app_db, \d orders to see the columns, then the column
-- back and the backfill in two batches (on a large table, batches keep each UPDATE's row locks short).
SELECT application_name, state, count(*) FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY 1, 2 ORDER BY 1;
\connect app_db
\d orders
ALTER TABLE orders ADD COLUMN legacy_status text;
UPDATE orders SET legacy_status = status WHERE legacy_status IS NULL AND id <= 20000;
UPDATE orders SET legacy_status = status WHERE legacy_status IS NULL AND id > 20000;
