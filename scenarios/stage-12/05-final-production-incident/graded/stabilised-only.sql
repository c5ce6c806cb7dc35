-- grade: detect 10, fix 10, trap 20
-- The first front done well: the lock queue traced to the runner, and only the runner ended. The writers flow again,
-- but the half-applied column, tenant_b and billing are never looked at; three applications still fail.
SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';
