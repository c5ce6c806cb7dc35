-- Where the sync works: what does orders look like in tenant_a?
\connect tenant_a
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;

-- And in tenant_b, where it fails? external_id is not there: no migration ever created it.
\connect tenant_b
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;

-- Bring tenant_b in line with its peers: text, nullable, no default, a catalog-only change.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS external_id text;
