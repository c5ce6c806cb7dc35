-- Reference fix, in the order the incident asks for: stabilise, repair, validate.
-- It carries the diagnostic queries an operator runs on the way, because they are the Detect evidence.

-- ===== Triage: who waits on whom, in which database =====
SELECT pid, application_name, datname, state, wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity
WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
ORDER BY datname, application_name;

-- The session at the head of the queue, and the locks it holds on app_db.orders.
SELECT a.pid, a.application_name, a.state, now() - a.xact_start AS in_transaction_for, l.mode, left(a.query, 80) AS query
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.granted AND a.datname = 'app_db'
  AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock');

-- ===== 1. Stabilise: end the stuck migration transaction, and nothing else =====
SELECT pid, application_name, pg_terminate_backend(pid) AS terminated
FROM pg_stat_activity
WHERE application_name LIKE 'migration_runner%';

-- ===== 2. app_db: the half-applied column =====
\connect app_db
SELECT column_name, data_type, column_default, is_nullable
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;

SELECT count(*) AS orders, count(*) FILTER (WHERE release_id IS NULL) AS without_release_id FROM orders;

-- Default first: the 2.9 pods insert again now that the lock is gone, and from here on their rows
-- get a value. Then backfill what is already there (a nullable column's default is catalog-only).
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;

-- ===== 3. The tenants: compare all three, then catch up the one that was skipped =====
\connect tenant_a
SELECT current_database(), (SELECT count(*) FROM information_schema.columns
                            WHERE table_name = 'orders' AND column_name = 'release_id') AS has_release_id,
       (SELECT string_agg(version, ', ' ORDER BY version) FROM schema_migrations) AS ledger;
\connect tenant_c
SELECT current_database(), (SELECT count(*) FROM information_schema.columns
                            WHERE table_name = 'orders' AND column_name = 'release_id') AS has_release_id,
       (SELECT string_agg(version, ', ' ORDER BY version) FROM schema_migrations) AS ledger;
\connect tenant_b
SELECT current_database(), (SELECT count(*) FROM information_schema.columns
                            WHERE table_name = 'orders' AND column_name = 'release_id') AS has_release_id,
       (SELECT string_agg(version, ', ' ORDER BY version) FROM schema_migrations) AS ledger;

ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20261201_add_order_release_id');

-- ===== 4. billing_db: give the billing worker back exactly what it needs =====
\connect billing_db
SELECT has_database_privilege('app_user', 'billing_db', 'CONNECT') AS can_connect,
       has_table_privilege('app_user', 'public.new_invoices', 'SELECT') AS can_read_invoices;

GRANT CONNECT ON DATABASE billing_db TO app_user;
GRANT SELECT ON new_invoices TO app_user;

-- ===== Validate: every database, not only the default one =====
\connect app_db
SELECT count(*) FILTER (WHERE release_id IS NULL) AS orders_without_release_id FROM orders;
SELECT count(*) AS blocked_writers FROM pg_stat_activity
WHERE datname = 'app_db' AND wait_event_type = 'Lock';
\connect billing_db
SELECT has_database_privilege('app_user', 'billing_db', 'CONNECT') AS can_connect,
       has_table_privilege('app_user', 'public.new_invoices', 'SELECT') AS can_read_invoices,
       has_table_privilege('app_user', 'public.payment_methods', 'SELECT') AS can_read_card_tokens;
