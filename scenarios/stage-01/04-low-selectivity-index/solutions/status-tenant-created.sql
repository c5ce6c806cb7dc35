-- The two equality columns in the other order, then the sort column: status first is harmless as long as the
-- tenant follows it at once, because together they pin one narrow range of the index. A psql user's session:
-- \d orders lists the indexes.
SELECT calls, round(total_exec_time) AS total_ms, left(query, 120) AS query
FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
\d orders
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 512 AND status = 'completed' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_status_tenant_created_idx ON orders (status, tenant_id, created_at);
