-- The plainest way: SELECT * from pg_stat_activity shows state, xact_start and the waits at once; pg_locks
-- confirms what checkout waits on. End the session that has been idle in transaction the longest, in app_db,
-- and give the fulfilment role a guard in that database only.
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT locktype, relation::regclass, transactionid, pid, mode, granted FROM pg_locks WHERE NOT granted;
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND state = 'idle in transaction'
  AND xact_start = (SELECT min(xact_start) FROM pg_stat_activity WHERE datname = 'app_db' AND state = 'idle in transaction');
ALTER ROLE fulfillment IN DATABASE app_db SET idle_in_transaction_session_timeout = '90s';
