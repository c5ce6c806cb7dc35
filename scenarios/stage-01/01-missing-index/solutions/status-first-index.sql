-- Both equality columns lead, in the other order, then the sort column: the same ranges of the
-- index, so the same plan. Verified with the catalog (pg_index) rather than \d.
WITH top AS (
  SELECT d.datname, s.query, s.total_exec_time
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
  ORDER BY s.total_exec_time DESC LIMIT 5
)
SELECT datname, round(total_exec_time) AS ms, left(query, 100) FROM top;
\connect app_db
SELECT i.indexrelid::regclass, i.indisvalid FROM pg_index i WHERE i.indrelid = 'orders'::regclass;
EXPLAIN SELECT id, status, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 250000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_status_user_created_idx ON orders (status, user_id, created_at);
ANALYZE orders;
