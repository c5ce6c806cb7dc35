-- grade: detect 0, fix 30, trap 20
-- The right session ended from a guess ("something idle in a transaction, kill it"), with nothing looked at
-- first and no guard against the next leaked transaction.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';
