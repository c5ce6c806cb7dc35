-- grade: detect 40, fix 15, trap 20
-- The storm seen and shed, the plan even read, but the cause left alone: the storefront gets in for now, and every
-- checkout is still a full scan, so the next wave of timeouts brings the retries back.
SELECT query, calls, total_exec_time FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
SELECT application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 3 DESC;
\connect app_db
EXPLAIN SELECT id, total_cents, created_at FROM orders WHERE user_id = 17 AND status = 'pending' ORDER BY created_at DESC LIMIT 1;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'checkout\_retry\_%';
