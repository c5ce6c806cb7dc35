-- The plainest way: SELECT * from pg_stat_activity to see every session (state, xact_start,
-- wait_event are all in there), pg_locks to confirm that checkout waits on a transaction id,
-- then end the console by what was seen: the session idle in transaction for the longest,
-- in app_db.
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT locktype, transactionid, pid, mode, granted FROM pg_locks WHERE NOT granted;
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND state = 'idle in transaction'
  AND xact_start = (SELECT min(xact_start) FROM pg_stat_activity WHERE datname = 'app_db' AND state = 'idle in transaction');
