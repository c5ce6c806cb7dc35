-- grade: detect 0, fix 40, trap 20
-- The right session ended straight from the alert's wording, without measuring pg_wal or finding who writes the
-- WAL first: it works, but nothing shows how the operator knew.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'wal_generator%';
