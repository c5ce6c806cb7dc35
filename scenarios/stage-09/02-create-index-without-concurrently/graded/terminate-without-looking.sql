-- grade: detect 0, fix 40, trap 20
-- The deploy dashboard says the migration job was lost, so its session is ended and the index built again
-- concurrently, all from the dashboard. It happens to be right; nothing was looked at first, so nobody confirmed
-- the writes were waiting on that session's lock.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'migration_runner';
\connect app_db
CREATE INDEX CONCURRENTLY idx_orders_user_id_safe ON orders (user_id);
