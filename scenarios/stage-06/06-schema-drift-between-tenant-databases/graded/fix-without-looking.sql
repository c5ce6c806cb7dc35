-- grade: detect 0, fix 40, trap 20
-- The column added in tenant_b straight away, with no look at any schema first: it works, but nothing shows how
-- the operator knew what tenant_b lacked, so it earns no Detect.
\connect tenant_b
ALTER TABLE orders ADD COLUMN IF NOT EXISTS external_id text;
