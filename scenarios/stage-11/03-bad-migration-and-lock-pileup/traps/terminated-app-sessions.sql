-- Tempting: "the writers are hung, kill them and let the pool reconnect" (then deal with the rest).
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'app_writer';
