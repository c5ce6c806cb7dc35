-- grade: detect 0, fix 40, trap 20
-- The right index, built the right way, from a guess: nothing was looked at first, so nobody saw why the
-- existing index did not serve.
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_good ON orders (tenant_id, status, created_at DESC);
