-- The page order plus every column the pages return in INCLUDE: once the visibility map is current both pages,
-- and the partner's count, can be answered from the index alone (the deep page then skips 50,000 index entries
-- instead of 50,000 heap rows). A bigger index, so a trade the team has to want.
SELECT s.calls, s.temp_blks_written, round(s.mean_exec_time::numeric, 1) AS mean_ms, left(s.query, 100)
FROM pg_stat_statements s ORDER BY s.total_exec_time DESC LIMIT 5;
\connect app_db
SELECT attname, n_distinct, most_common_vals, most_common_freqs FROM pg_stats WHERE tablename = 'orders' AND attname = 'tenant_id';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;
CREATE INDEX CONCURRENTLY orders_tenant_page_covering_idx
    ON orders (tenant_id, created_at DESC, id DESC) INCLUDE (customer_id, status, total_cents);
