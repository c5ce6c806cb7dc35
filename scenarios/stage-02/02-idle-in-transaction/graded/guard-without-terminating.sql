-- grade: detect 40, fix 10, trap 20
-- The right diagnosis and the right guard, but no termination: a new timeout only arms when a session next
-- goes idle inside a transaction, and the stuck one went idle before the setting existed. It keeps its lock,
-- and checkout keeps failing until someone ends it.
SELECT pid, application_name, state, now() - xact_start AS age, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity
WHERE datname = 'app_db'
ORDER BY xact_start NULLS LAST;
ALTER SYSTEM SET idle_in_transaction_session_timeout = '1min';
SELECT pg_reload_conf();
