-- Reference fix, as an incident lead works it: triage every front, stabilise, recover, validate.
-- The diagnostic queries are part of it: they are the Detect evidence.

-- ===== Triage: who is connected where, who waits, and on whom =====
SELECT pid, datname, application_name, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, backend_xid, left(query, 60) AS query
FROM pg_stat_activity
WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
ORDER BY datname, application_name;

-- tenant_a: the half-applied column and the ledger that already calls it applied.
\connect tenant_a
SELECT column_name, data_type, column_default, col_description('orders'::regclass, ordinal_position::int) AS comment
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = 'release_id';
SELECT version, applied_at FROM schema_migrations ORDER BY version;

-- tenant_c: where the migration finished, i.e. the target state.
\connect tenant_c
SELECT column_name, data_type, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = 'release_id';
SELECT version FROM schema_migrations ORDER BY version;

-- tenant_b: the one the release skipped.
\connect tenant_b
SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders' ORDER BY ordinal_position;
SELECT version FROM schema_migrations ORDER BY version;

-- ===== Stabilise: end the stuck migration transaction, and nothing else =====
\connect tenant_a
SELECT pid, application_name, pg_terminate_backend(pid) AS terminated
FROM pg_stat_activity
WHERE application_name LIKE 'migration_runner%';

-- ===== Recover tenant_a: finish step 2 as a compatibility repair =====
-- Ending the runner rolled its backfill back: every old order is NULL again.
SELECT count(*) FILTER (WHERE release_id IS NULL) AS without_release_id, count(*) AS orders FROM orders;
-- Default first, so the 4.1 pods' inserts get a value from now on; then backfill what is there.
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;

-- ===== Recover tenant_b: apply the migration it missed, and record it =====
\connect tenant_b
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id');

-- ===== Validate =====
\connect tenant_a
SELECT count(*) FILTER (WHERE release_id IS NULL) AS without_release_id FROM orders;
SELECT count(*) AS waiting_on_locks FROM pg_stat_activity WHERE datname = 'tenant_a' AND wait_event_type = 'Lock';
\connect tenant_b
SELECT count(*) AS orders, count(release_id) AS with_release_id FROM orders;
