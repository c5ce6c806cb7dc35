-- A psql user's session that starts from the lock table: who holds what on orders, who waits. The one session
-- holding a granted ShareLock while idle in transaction goes into a psql variable with \gset, and only that backend
-- is ended. The index is then built concurrently under the name the release meant to give it, and \d and EXPLAIN
-- confirm it is valid and used.
\connect app_db
SELECT l.pid, a.application_name, l.mode, l.granted, a.state, a.wait_event_type, now() - a.xact_start AS xact_age
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'orders'::regclass
ORDER BY l.granted DESC, a.xact_start;
SELECT l.pid AS holder
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'orders'::regclass
  AND l.mode = 'ShareLock' AND l.granted AND a.state = 'idle in transaction'
\gset
SELECT pg_terminate_backend(:holder);
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);
\d orders
EXPLAIN SELECT id, status, total_cents, created_at FROM orders WHERE user_id = 42 ORDER BY created_at DESC LIMIT 20;
