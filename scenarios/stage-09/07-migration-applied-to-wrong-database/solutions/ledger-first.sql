-- The ledgers compared first (the release's version is missing in app_db and present in analytics_db), then an
-- idempotent repair that can be run again safely.
\connect analytics_db
SELECT * FROM schema_migrations WHERE version LIKE '0031%';
\connect app_db
SELECT * FROM schema_migrations ORDER BY applied_at DESC LIMIT 3;
SELECT attname FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
INSERT INTO schema_migrations (version, applied_at) VALUES ('0031_orders_release_id', now()) ON CONFLICT (version) DO NOTHING;
