-- grade: detect 20, fix 10, trap 20
-- Triage of the lock queue done well (sessions by database, the head of the queue) and only the runner ended: the
-- webhook flows again. But ending the runner rolled its backfill back and nobody looks further: 4.2 still fails in
-- tenant_a, the 4.1 pods keep adding NULL rows, tenant_b stays broken.
SELECT pid, datname, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY datname;

SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';
