-- Tempting: "pg_blocking_pids says every app session is blocked by the migration, so kill the migration".
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'migration_runner';
