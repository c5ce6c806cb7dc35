-- grade: detect 40, fix 25, trap 20
-- The right diagnosis (the sort is the problem) with an index on the sort column alone. It does remove the sort
-- and the spill: the planner walks every merchant's orders newest first and keeps one merchant's. But it reads
-- twenty merchants' orders to return one merchant's, over four times the buffers of an index that leads with the
-- merchant, and a small merchant's request would walk most of the table.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
SHOW work_mem;
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 3 ORDER BY created_at DESC LIMIT 1000;
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at DESC);
