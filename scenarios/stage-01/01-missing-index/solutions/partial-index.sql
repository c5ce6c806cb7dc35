-- A psql user's session: \d and EXPLAIN first, then an index for exactly what the panel asks:
-- one customer's pending orders, newest first. A partial index keeps only pending orders.
SELECT left(query, 120) AS query, calls, round(total_exec_time) AS total_ms
FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
\d orders
EXPLAIN SELECT id, status, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 250000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_pending_by_user_idx ON orders (user_id, created_at) WHERE status = 'pending';
