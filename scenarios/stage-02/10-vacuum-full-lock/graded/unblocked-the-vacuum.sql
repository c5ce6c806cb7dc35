-- grade: detect 40, fix 20, trap 20
-- The chain is followed to its very end, the job's idle connection that the VACUUM FULL waits for, and that one is
-- ended, as the textbook "end the head of the chain" says. The VACUUM FULL then finishes its rewrite, still holding
-- the whole table: here that takes milliseconds, on the production table it would have been the rest of an hour.
-- The shop recovers (20), but the rewrite was let through instead of stopped (0).
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND state = 'idle in transaction' AND cardinality(pg_blocking_pids(pid)) = 0;
