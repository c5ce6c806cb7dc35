-- Tempting: "the pages sort by created_at and id, so index exactly that". Built CONCURRENTLY, so checkout is not
-- blocked. But an index led by created_at holds every merchant's orders in date order: a cursor page walks all
-- merchants' orders before its cursor until fifty are merchant 777's, and the deep page still sorts. Every insert
-- pays for the new index.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;
CREATE INDEX CONCURRENTLY orders_created_id_idx ON orders (created_at DESC, id DESC);
