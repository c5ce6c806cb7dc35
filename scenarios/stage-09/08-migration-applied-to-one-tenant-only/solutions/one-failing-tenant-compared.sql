-- The comparison made once, with the catalog: pg_attribute of orders in one failing tenant (tenant_b) against the
-- healthy one (tenant_a). tenant_c fails the same way, so the same migration goes there too without a separate look.
\connect tenant_b
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull
FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
\connect tenant_a
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull
FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
\connect tenant_b
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
\connect tenant_c
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
