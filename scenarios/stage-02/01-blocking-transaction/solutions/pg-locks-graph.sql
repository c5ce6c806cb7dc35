-- The classic lock-graph query over pg_locks: who holds the transaction id each waiter wants.
-- Then only the holders that are idle in transaction with a write transaction (they hold the
-- lock on their own transaction id) are ended: a checkout can also appear as a "blocker" of
-- another checkout queued on the same row, and it is a victim, not a cause.
-- Run from app_db; the views are cluster-wide, so the database does not matter for the look.
\connect app_db
SELECT w.pid AS waiting_pid, wa.application_name AS waiting_app,
       h.pid AS holding_pid, ha.application_name AS holding_app, ha.state AS holder_state,
       now() - ha.xact_start AS holder_xact_age
FROM pg_locks w
JOIN pg_locks h ON h.locktype = w.locktype AND h.transactionid IS NOT DISTINCT FROM w.transactionid
               AND h.granted AND h.pid <> w.pid
JOIN pg_stat_activity wa ON wa.pid = w.pid
JOIN pg_stat_activity ha ON ha.pid = h.pid
WHERE NOT w.granted AND w.locktype = 'transactionid';
SELECT pg_terminate_backend(a.pid)
FROM pg_stat_activity a
WHERE a.state = 'idle in transaction'
  AND a.pid IN (SELECT pid FROM pg_locks WHERE locktype = 'transactionid' AND mode = 'ExclusiveLock' AND granted);
