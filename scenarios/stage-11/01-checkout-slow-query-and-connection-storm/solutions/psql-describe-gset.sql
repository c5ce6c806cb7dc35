-- A psql user's session: the top statements, \d orders (only the primary key), the plan, the index with the status
-- first (equality columns in either order work), the plan again, and the retry sessions counted into a psql variable
-- before they are ended.
SELECT left(query, 100) AS query, calls, round(total_exec_time) AS total_ms FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
SELECT application_name, usename, state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
\connect app_db
\d orders
EXPLAIN SELECT id, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 50000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 1;
CREATE INDEX CONCURRENTLY orders_status_user_created_idx ON orders (status, user_id, created_at DESC);
EXPLAIN SELECT id, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 50000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 1;
SELECT count(*) AS retries FROM pg_stat_activity WHERE application_name LIKE 'checkout\_retry\_%' \gset
\echo ending :retries retry sessions
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'checkout\_retry\_%';
