-- Tempting: "app_db is jammed, clear out everything connected to it".
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND pid <> pg_backend_pid();
