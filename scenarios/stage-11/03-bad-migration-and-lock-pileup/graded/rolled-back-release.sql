-- grade: detect 40, fix 20, trap 14
-- The whole diagnosis and the right blocker ended, then the release "rolled back" by dropping its column. The writers
-- work again (half of Fix), but the fulfillment worker now fails on a missing column instead of a NULL, and the
-- release's work is gone (dropped-release-id).
SELECT pid, application_name, state, pg_blocking_pids(pid) AS blocked_by FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';
\connect app_db
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'release_id';
ALTER TABLE orders DROP COLUMN release_id;
