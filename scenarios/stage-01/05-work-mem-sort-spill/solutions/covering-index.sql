-- The sort's order plus every column the sync reads in INCLUDE: once the visibility map is current the sync is
-- answered from the index alone. Bigger than the plain index (the addresses are in it), so a trade the team has
-- to want; it removes the sort just the same.
SELECT s.calls, s.temp_blks_written, s.mean_exec_time, left(s.query, 100)
FROM pg_stat_statements s ORDER BY s.temp_blks_written DESC LIMIT 3;
\connect app_db
SELECT current_setting('work_mem');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = (SELECT floor(random() * 20)::int + 1) ORDER BY created_at DESC LIMIT 1000;
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'orders'::regclass;
CREATE INDEX CONCURRENTLY orders_tenant_created_covering_idx
    ON orders (tenant_id, created_at DESC) INCLUDE (customer_id, status, total_cents, shipping_address);
