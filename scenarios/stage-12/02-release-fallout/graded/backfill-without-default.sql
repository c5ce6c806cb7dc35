-- grade: detect 40, fix 35, trap 20
-- Every front triaged and worked, but tenant_a's repair stops at the backfill: the column still has no default, so
-- every order the 4.1 pods insert from now on has a NULL release_id again (release-id-defaulted).
SELECT pid, datname, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY datname;

\connect tenant_a
SELECT count(*) FILTER (WHERE release_id IS NULL) AS null_release_id FROM orders;
\connect tenant_c
SELECT version FROM schema_migrations ORDER BY version;
\connect tenant_b
SELECT version FROM schema_migrations ORDER BY version;

SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';

\connect tenant_a
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;

\connect tenant_b
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id');
