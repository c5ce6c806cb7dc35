-- grade: detect 0, fix 40, trap 20
-- The right session ended from a hunch ("the export always runs long"), with nothing looked at
-- first. Everything recovers, so the fix earns its points; the diagnosis earns none.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'finance_export';
