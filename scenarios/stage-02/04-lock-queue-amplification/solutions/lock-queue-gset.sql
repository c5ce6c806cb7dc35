-- A psql user's session that reads the lock queue on orders directly: who holds which mode,
-- who waits, in what order. The only granted lock held by a session that is idle in transaction
-- is the export's ACCESS SHARE; its pid goes into a psql variable with \gset and only that
-- backend is ended. Then a read confirms the queue drained.
\connect app_db
SELECT l.pid, a.application_name, l.mode, l.granted, a.state, a.wait_event_type, now() - a.xact_start AS xact_age
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'orders'::regclass
ORDER BY l.granted DESC, a.xact_start;
SELECT l.pid AS head
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'orders'::regclass AND l.granted
  AND a.state = 'idle in transaction' AND cardinality(pg_blocking_pids(l.pid)) = 0
\gset
SELECT pg_terminate_backend(:head);
SELECT count(*) FROM orders;
