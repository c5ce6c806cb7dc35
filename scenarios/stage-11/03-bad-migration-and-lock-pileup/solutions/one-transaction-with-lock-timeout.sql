-- Everything read with SELECT *: the sessions, the lock graph, the column in the catalog. The blocker is ended from the
-- default database, then default and backfill go in together in one short transaction guarded by a lock_timeout, with
-- a release marker of its own as the value.
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT * FROM pg_locks WHERE NOT granted;
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
WHERE application_name LIKE 'migration_runner%' AND state = 'idle in transaction';

\connect app_db
SELECT attname, atthasdef, attnotnull FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attname = 'release_id';
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'pre-2027.06';
UPDATE orders SET release_id = 'pre-2027.06' WHERE release_id IS NULL;
COMMIT;
