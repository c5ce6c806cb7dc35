-- The VACUUM FULL is a running statement, so cancelling it is enough: the statement is interrupted, its rewrite is
-- rolled back and the ACCESS EXCLUSIVE lock goes with it. The session itself stays connected, idle; the job's
-- other, idle-in-transaction connection is left for its owner (it holds nothing the shop needs).
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity WHERE datname = 'app_db' AND wait_event_type = 'Lock';
SELECT pg_cancel_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND state = 'active' AND query ILIKE 'vacuum full%';
