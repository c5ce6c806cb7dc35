-- A psql user's session that starts from the lock table: who holds what on orders, who waits. The one session
-- holding a granted ShareLock while idle in transaction goes into a psql variable with \gset, and only that
-- backend is ended. The index is then built concurrently under the name the release meant to give it, and \d and
-- EXPLAIN confirm it is valid and used.
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
CREATE INDEX CONCURRENTLY idx_orders_created_at ON orders (created_at);
\d orders
EXPLAIN SELECT date_trunc('hour', created_at), count(*), sum(total_cents) FROM orders
WHERE created_at >= timestamptz '2026-10-01 06:00:00+00' AND created_at < timestamptz '2026-10-01 12:00:00+00'
GROUP BY 1 ORDER BY 1;
