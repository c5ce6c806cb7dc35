-- grade: detect 40, fix 30, trap 20
-- The right diagnosis, and the column is back, so both versions run again; but it was never filled, so every order
-- page of the old version shows an empty status. Service restored, data not: Fix loses the backfill.
SELECT application_name, datname, count(*) FROM pg_stat_activity GROUP BY 1, 2;
\connect app_db
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders';
ALTER TABLE orders ADD COLUMN legacy_status text;
