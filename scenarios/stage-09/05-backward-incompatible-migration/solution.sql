-- Who is connected, and in which version?
SELECT application_name, datname, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY 1;

\connect app_db

-- What does orders look like now?
SELECT column_name, data_type
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;

-- Restore compatibility: give the old version its column back, filled from status.
ALTER TABLE orders ADD COLUMN legacy_status text;
UPDATE orders SET legacy_status = status WHERE legacy_status IS NULL;
