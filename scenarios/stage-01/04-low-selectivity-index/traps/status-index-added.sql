-- Tempting: "the status index is there but the page still sorts; give status an index with the sort column".
-- Built CONCURRENTLY, so checkout is not blocked. But an index led by status still hands over every tenant's
-- completed orders: the page walks them newest first until twenty belong to its tenant, hundreds of buffers per
-- view, and checkout pays for one more index on every insert.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 17 AND status = 'completed' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_status_created_idx ON orders (status, created_at DESC);
