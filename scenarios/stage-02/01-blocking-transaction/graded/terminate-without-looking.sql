-- grade: detect 0, fix 40, trap 20
-- The right session ended, but from a guess: "back office again". Nothing was looked at first,
-- so the fix earns its points and the diagnosis none.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'backoffice_console';
