-- The simplest index that serves checkout: user_id alone leaves about twenty rows per shopper to filter and sort,
-- which is cheap. Retry sessions chosen with a regular expression on the application name.
SELECT calls, mean_exec_time, query FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
SELECT application_name, count(*) FROM pg_stat_activity GROUP BY application_name ORDER BY 2 DESC;
\connect app_db
EXPLAIN SELECT id, total_cents, created_at FROM orders WHERE user_id = 17 AND status = 'pending' ORDER BY created_at DESC LIMIT 1;
CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name ~ '^checkout_retry_[0-9]+$';
