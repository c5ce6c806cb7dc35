-- grade: detect 0, fix 40, trap 20
-- The right index, built the right way, from a guess: nothing was looked at first, so nobody saw the spill or the
-- limit it hit.
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_tenant_created ON orders (tenant_id, created_at DESC);
