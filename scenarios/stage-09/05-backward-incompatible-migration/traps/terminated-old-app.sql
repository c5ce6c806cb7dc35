-- Tempting: "the old pods are the ones failing, kick them off".
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name LIKE 'old_app%';
