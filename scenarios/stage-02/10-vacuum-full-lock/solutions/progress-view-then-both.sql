-- Start from what is running against orders: pg_stat_progress_cluster names the VACUUM FULL and its phase, the
-- blocking graph shows everyone behind it. End both connections of the maintenance job by application name (both
-- are the job's; neither is an application), from the default database.
SELECT p.pid, p.relid::regclass, p.command, p.phase, a.application_name, a.query_start
FROM pg_stat_progress_cluster p JOIN pg_stat_activity a USING (pid);
SELECT pid, application_name, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nightly_maintenance';
