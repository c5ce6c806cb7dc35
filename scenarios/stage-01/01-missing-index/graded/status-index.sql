-- grade: detect 40, fix 0, trap 20
-- A sound investigation, then an index on the low-selectivity column: one order in twelve is
-- pending, so the planner still reads a large share of the table through it. That barely
-- helps the panel, and the new index slows every checkout insert.
SELECT left(query, 120), calls, round(total_exec_time) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
\d orders
EXPLAIN SELECT id, status, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 250000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
