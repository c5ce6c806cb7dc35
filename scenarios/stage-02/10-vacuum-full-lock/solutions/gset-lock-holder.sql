-- A psql user's session from the lock table: the one session holding a granted ACCESS EXCLUSIVE lock on orders goes
-- into a psql variable with \gset and only that backend is ended; the progress view confirms what it was doing
-- before it goes.
\connect app_db
SELECT l.pid, a.application_name, l.mode, l.granted, a.state, a.wait_event_type, left(a.query, 50) AS query
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'orders'::regclass
ORDER BY l.granted DESC;
SELECT l.pid AS holder
FROM pg_locks l
WHERE l.locktype = 'relation' AND l.relation = 'orders'::regclass AND l.mode = 'AccessExclusiveLock' AND l.granted
\gset
SELECT pid, command, phase FROM pg_stat_progress_cluster WHERE pid = :holder;
SELECT pg_terminate_backend(:holder);
SELECT count(*) FROM orders;
