-- Looked at one row of orders (the columns are plain to see) and at the versions connected, then the column and
-- its values in one transaction: the old version sees the column only once it is filled, never empty.
SELECT datname, application_name, count(*) FROM pg_stat_activity WHERE application_name LIKE '%app%' GROUP BY 1, 2;
\connect app_db
SELECT * FROM orders LIMIT 1;
BEGIN;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS legacy_status text;
UPDATE orders SET legacy_status = status;
COMMIT;
