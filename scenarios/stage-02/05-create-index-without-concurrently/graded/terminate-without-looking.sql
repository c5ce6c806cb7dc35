-- grade: detect 0, fix 40, trap 20
-- The pipeline says the migration step is still running, so its session is ended and the index built again
-- concurrently, all from the release notes. It happens to be right; nothing was looked at first, so nobody
-- confirmed the writes were waiting on that session's lock.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'release_5_2_migrate';
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_created_at_good ON orders (created_at);
