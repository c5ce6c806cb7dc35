-- A psql user's session: \d orders in a healthy tenant and in the drifted one, then the column typed as the peers
-- have it, in tenant_b only.
\connect tenant_c
\d orders
\connect tenant_b
\d orders
ALTER TABLE orders ADD COLUMN external_id text;
