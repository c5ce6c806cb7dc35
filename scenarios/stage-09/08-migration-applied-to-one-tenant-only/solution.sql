-- Where the release worked: what does orders look like in tenant_a?
\connect tenant_a
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;

-- And in the tenants that fail? release_id is not there.
\connect tenant_b
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;
-- The same migration as in tenant_a: a nullable column without a default is a catalog-only change.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;

\connect tenant_c
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
