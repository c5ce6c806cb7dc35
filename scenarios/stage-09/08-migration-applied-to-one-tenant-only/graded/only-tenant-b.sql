-- grade: detect 40, fix 20, trap 20
-- A sound comparison (tenant_b against tenant_a) and the right migration, but only in the tenant that was looked
-- at: tenant_c still fails on every request. Half of Fix, as half of the failing tenants work again.
\connect tenant_a
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
\connect tenant_b
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
ALTER TABLE orders ADD COLUMN release_id text;
