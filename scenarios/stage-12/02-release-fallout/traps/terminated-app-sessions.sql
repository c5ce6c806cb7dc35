-- Tempting: "tenant_a is jammed, recycle every connection to it". The runner goes with the rest, so the webhook
-- flows again, but the 4.1 and 4.2 pods and the webhook were victims, not the cause.
SELECT datname, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'tenant_a';

SELECT pg_terminate_backend(pid) FROM pg_stat_activity
WHERE datname = 'tenant_a' AND pid <> pg_backend_pid();
