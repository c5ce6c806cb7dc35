-- grade: detect 30, fix 25, trap 20
-- Three fronts diagnosed and repaired in order, but the tenants are never compared: the operator reads "one tenant
-- fails" as an application problem and moves on. tenant_b keeps failing (its column, its ledger and the end-to-end
-- validation are missing from Fix), and the comparison is missing from Detect.
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';
\connect app_db
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'release_id';
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
\connect billing_db
SELECT has_database_privilege('app_user', 'billing_db', 'CONNECT'), has_table_privilege('app_user', 'new_invoices', 'SELECT');
GRANT CONNECT ON DATABASE billing_db TO app_user;
GRANT SELECT ON new_invoices TO app_user;
