-- grade: detect 0, fix 40, trap 20
-- The missing migration applied in both failing tenants straight away, with no look at any schema first: it works,
-- but nothing shows how the operator knew which tenants lacked what, so it earns no Detect.
\connect tenant_b
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
\connect tenant_c
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
