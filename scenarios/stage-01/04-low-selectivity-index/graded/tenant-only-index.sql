-- grade: detect 40, fix 25, trap 20
-- The right diagnosis (the tenant is what narrows the page) with half an index: tenant_id alone finds the
-- tenant's 200 orders, but all of them are fetched from the heap, filtered on status and sorted for every view.
-- The planner rates it a ninth of the incident's plan, yet it reads about eight times the buffers an index with
-- status and the sort column needs, and that grows with every order the tenant takes.
SELECT left(query, 120), calls, round(total_exec_time) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
SELECT status, count(*) FROM orders GROUP BY status;
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 777 AND status = 'completed' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_tenant_id_idx ON orders (tenant_id);
