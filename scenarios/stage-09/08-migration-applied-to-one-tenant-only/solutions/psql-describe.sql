-- A psql user's session: \d orders where it works and where it fails, then the migration as it ran in tenant_a,
-- typed once per failing tenant.
\connect tenant_a
\d orders
\connect tenant_c
\d orders
ALTER TABLE orders ADD COLUMN release_id text;
\connect tenant_b
ALTER TABLE orders ADD COLUMN release_id text;
