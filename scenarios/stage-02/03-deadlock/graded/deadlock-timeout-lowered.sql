-- grade: detect 20, fix 0, trap 20
-- The deadlocks were confirmed and the victims' one-second stall noticed, so the server is told to look for
-- deadlocks sooner. The stall gets shorter, but every cycle still happens and still aborts a transfer; the
-- lock order in transfer() was never examined.
SELECT datname, deadlocks FROM pg_stat_database WHERE datname = 'ledger_db';
SELECT locktype, transactionid, pid, mode, granted FROM pg_locks WHERE NOT granted;
SHOW deadlock_timeout;
ALTER SYSTEM SET deadlock_timeout = '100ms';
SELECT pg_reload_conf();
