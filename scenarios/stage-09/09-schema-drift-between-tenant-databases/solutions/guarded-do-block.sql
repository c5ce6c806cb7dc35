-- Both tenants described with psql's \d and their ledgers listed in full, then a DO block in tenant_b that applies
-- the skipped migration only if it is still missing and records it only if it is not recorded: safe to run twice.
\connect tenant_a
\d orders
SELECT * FROM schema_migrations ORDER BY version;
\connect tenant_b
\d orders
SELECT * FROM schema_migrations ORDER BY version;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = 'release_id') THEN
        ALTER TABLE orders ADD COLUMN release_id text;
    END IF;
    INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id') ON CONFLICT (version) DO NOTHING;
END
$$;
