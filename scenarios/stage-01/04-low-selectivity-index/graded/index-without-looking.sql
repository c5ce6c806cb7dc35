-- grade: detect 0, fix 40, trap 20
-- The right index, built the right way, from a guess: nothing was looked at first, so nobody saw why the status
-- index was ignored.
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_tenant_status_created ON orders (tenant_id, status, created_at DESC);
