-- Start from the lock graph: the holder of the transaction id every waiting checkout wants, with its state and
-- the age of its transaction. A waiting checkout can also show as the "holder" for the checkout queued behind
-- it on the same row, so only the holder that is idle in its transaction is ended. The guard goes into the
-- server's configuration (ALTER SYSTEM plus a reload), where it covers every database and role.
SELECT w.pid AS waiting_pid, wa.application_name AS waiting_app,
       h.pid AS holding_pid, ha.application_name AS holding_app, ha.state AS holder_state,
       now() - ha.xact_start AS holder_xact_age
FROM pg_locks w
JOIN pg_locks h ON h.locktype = w.locktype AND h.transactionid IS NOT DISTINCT FROM w.transactionid
               AND h.granted AND h.pid <> w.pid
JOIN pg_stat_activity wa ON wa.pid = w.pid
JOIN pg_stat_activity ha ON ha.pid = h.pid
WHERE NOT w.granted;
SELECT pg_terminate_backend(h.pid)
FROM pg_locks h
JOIN pg_stat_activity a ON a.pid = h.pid
WHERE h.locktype = 'transactionid' AND h.mode = 'ExclusiveLock' AND h.granted
  AND a.state = 'idle in transaction'
  AND EXISTS (SELECT 1 FROM pg_locks w WHERE NOT w.granted AND w.locktype = 'transactionid' AND w.transactionid = h.transactionid);
ALTER SYSTEM SET idle_in_transaction_session_timeout = '5min';
SELECT pg_reload_conf();
