-- Everything visible first (SELECT * shows state, xact_start and the waits), the chain with
-- pg_blocking_pids, then the export ended by pid and the two settings the postmortem asks for:
-- migrations give up on a lock after 3 s, and the reporting role cannot sit idle in a
-- transaction for more than ten minutes. Both roles belong to the culprits, so no shared role
-- is touched; both apply to new sessions only.
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pid, application_name, pg_blocking_pids(pid) AS blocked_by FROM pg_stat_activity
WHERE datname = 'app_db' AND cardinality(pg_blocking_pids(pid)) > 0;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity
WHERE datname = 'app_db' AND application_name = 'finance_export' AND state = 'idle in transaction';
ALTER ROLE migrator SET lock_timeout = '3s';
ALTER ROLE reporting SET idle_in_transaction_session_timeout = '10min';
