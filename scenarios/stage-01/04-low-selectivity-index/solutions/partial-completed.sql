-- An index for exactly what the page reads: completed orders only, by tenant, newest first. It is about half the
-- size of a full composite index, and checkout's inserts (all 'pending') never touch it.
WITH top AS (
  SELECT s.query, s.total_exec_time, s.calls FROM pg_stat_statements s ORDER BY s.total_exec_time DESC LIMIT 5
)
SELECT round(total_exec_time) AS ms, calls, left(query, 100) FROM top;
\connect app_db
SELECT status, count(*) FROM orders GROUP BY status ORDER BY 2 DESC;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = (SELECT floor(random() * 1000)::int + 1) AND status = 'completed'
ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_completed_by_tenant_idx ON orders (tenant_id, created_at DESC) WHERE status = 'completed';
