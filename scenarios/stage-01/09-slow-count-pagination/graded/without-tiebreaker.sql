-- grade: detect 40, fix 30, trap 20
-- The right diagnosis with most of the index: (tenant_id, created_at) lets the cursor page start at its cursor,
-- but without id in the index the planner cannot hand the deep page its full ORDER BY (created_at, id), so it
-- still fetches and sorts all 60,000 rows on disk.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
\connect app_db
\d orders
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;
CREATE INDEX CONCURRENTLY orders_tenant_created_idx ON orders (tenant_id, created_at);
