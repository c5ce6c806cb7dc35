-- The right key order plus the page's other columns in INCLUDE, so the page can be answered from the index alone
-- once the visibility map is current. Diagnosed from pg_stats and pg_index, and the plan compared before and after.
SELECT left(query, 100), calls, round(mean_exec_time::numeric, 2) AS mean_ms
FROM pg_stat_statements WHERE query ILIKE '%tenant_id%' ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
SELECT attname, n_distinct, most_common_vals, most_common_freqs
FROM pg_stats WHERE tablename = 'orders' AND attname IN ('tenant_id', 'status');
SELECT indexrelid::regclass, indkey, indisvalid FROM pg_index WHERE indrelid = 'orders'::regclass;
EXPLAIN (BUFFERS, ANALYZE) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 250 AND status = 'completed' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_tenant_status_created_incl_idx
    ON orders (tenant_id, status, created_at DESC) INCLUDE (customer_id, total_cents);
EXPLAIN (BUFFERS, ANALYZE) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 250 AND status = 'completed' ORDER BY created_at DESC LIMIT 20;
