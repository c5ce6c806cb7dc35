-- pg_locks first (who holds what on which relation), the session list with transaction ages, \d orders for the
-- column, then the fix in the order the postmortem gives, with the backfill in batches so that no single UPDATE holds
-- row locks on the whole table while the writers are busy again.
\connect app_db
SELECT l.pid, l.mode, l.granted, l.relation::regclass FROM pg_locks l WHERE l.relation = 'public.orders'::regclass;
SELECT pid, application_name, state, now() - xact_start AS xact_age FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = 'migration_runner_2027_06';
\d orders
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL AND id <= 20000;
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL AND id > 20000;
SELECT count(*) FROM orders WHERE release_id IS NULL;
