-- grade: detect 0, fix 40, trap 20
-- "A deploy just went out, it's the warm-up again": the right sessions ended from memory, with nothing looked at
-- first. The fix earns its points; the diagnosis earns none.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'deploy_worker';
