-- Follow the writers' pg_blocking_pids to the session that blocks them without waiting itself, read what it is (the
-- migration runner, idle in transaction after its CREATE INDEX), end it by pid, and give the account page an index
-- that serves both its filter and its sort (user_id, created_at DESC), so it reads 20 entries and stops.
SELECT w.pid AS waiting_pid, w.application_name AS waiting_app, w.wait_event_type, w.wait_event,
       b.pid AS blocker_pid, b.application_name AS blocker_app, b.state AS blocker_state,
       now() - b.xact_start AS blocker_xact_age, left(b.query, 70) AS blocker_query
FROM pg_stat_activity w
CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid)
JOIN pg_stat_activity b ON b.pid = bp.pid
WHERE w.datname = 'app_db';
SELECT pg_terminate_backend(b.pid)
FROM pg_stat_activity b
WHERE b.datname = 'app_db' AND b.state = 'idle in transaction'
  AND cardinality(pg_blocking_pids(b.pid)) = 0
  AND b.pid IN (SELECT unnest(pg_blocking_pids(w.pid)) FROM pg_stat_activity w WHERE w.application_name = 'app_writer');
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_user_id_created_at ON orders (user_id, created_at DESC);
