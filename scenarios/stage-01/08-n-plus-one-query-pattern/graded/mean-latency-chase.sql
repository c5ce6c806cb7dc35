-- grade: detect 0, fix 0, trap 10
-- The symptom chase the briefing invites: pg_stat_statements ordered by mean time only, which
-- puts the finance report on top; its plan on orders; then an index for it. The N+1 lookup
-- (most calls, most total time) is never seen, order_items is never looked at, nothing gets
-- faster, and orders gains an index that every checkout insert must maintain. The looks it
-- made are real reads, but of the wrong statement, so Detect stays at 0.
SELECT round(mean_exec_time::numeric, 2) AS mean_ms, left(query, 100) FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 3;
\connect app_db
EXPLAIN SELECT date_trunc('week', created_at) AS week, status, count(*) FROM orders GROUP BY 1, 2 ORDER BY 1 DESC, 2 LIMIT 50;
CREATE INDEX CONCURRENTLY orders_created_at_status_idx ON orders (created_at, status);
