-- The smallest index that serves the panel: one customer has a handful of orders, so finding
-- them by user_id and sorting those few rows is already a thousand times cheaper than a scan.
\connect app_db
SELECT calls, round(mean_exec_time::numeric, 1) AS mean_ms, left(query, 100) AS query
FROM pg_stat_statements WHERE query ILIKE '%status = %' ORDER BY mean_exec_time DESC LIMIT 5;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'orders';
EXPLAIN (COSTS) SELECT id, status, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 250000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON orders (user_id);
