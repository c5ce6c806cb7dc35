-- grade: detect 40, fix 40, trap 10
-- The right diagnosis and the right index, built with a plain CREATE INDEX: checkout's inserts
-- queue behind the build's SHARE lock for as long as it runs.
SELECT left(query, 120), calls, round(total_exec_time) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
SELECT indexname FROM pg_indexes WHERE tablename = 'orders';
EXPLAIN SELECT id, status, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 250000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 20;
CREATE INDEX orders_user_status_created_idx ON orders (user_id, status, created_at);
