-- Another guard: cap the report service's role first (it never needs more than a couple of connections), so a
-- leak can only ever exhaust its own share, then release the leaked ones.
SELECT * FROM pg_stat_activity WHERE backend_type = 'client backend';
SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS app_slots;
ALTER ROLE reporting CONNECTION LIMIT 4;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'report_service';
