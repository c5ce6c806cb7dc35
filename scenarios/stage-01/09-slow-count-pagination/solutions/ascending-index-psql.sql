-- A psql user's session: \d orders for the indexes, the plans of both page requests, and an ascending index. A
-- B-tree reads just as well backwards, so (tenant_id, created_at, id) serves ORDER BY created_at DESC, id DESC
-- (Index Scan Backward) and the cursor condition the same way.
SELECT calls, round(total_exec_time) AS total_ms, temp_blks_written, left(query, 120) FROM pg_stat_statements
ORDER BY total_exec_time DESC LIMIT 5;
\connect app_db
\d orders
EXPLAIN ANALYZE SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;
CREATE INDEX CONCURRENTLY orders_tenant_created_id_idx ON orders (tenant_id, created_at, id);
EXPLAIN ANALYZE SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 AND (created_at, id) < (timestamptz '2026-01-01 00:00:00+00', 9223372036854775807)
ORDER BY created_at DESC, id DESC LIMIT 50;
