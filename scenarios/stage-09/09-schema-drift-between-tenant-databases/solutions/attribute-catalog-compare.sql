-- From the system catalogs: pg_attribute for the columns, the ledger read in tenant_b and tenant_c, and the
-- migration applied in tenant_b with the ledger row dated as the runner would have dated it had it not skipped
-- tenant_b (the other tenants' date for 0531 is in their ledger).
\connect tenant_c
SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute
WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
SELECT version, applied_at FROM schema_migrations ORDER BY version;
\connect tenant_b
SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute
WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
SELECT version, applied_at FROM schema_migrations ORDER BY version;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260531_add_order_release_id', now());
