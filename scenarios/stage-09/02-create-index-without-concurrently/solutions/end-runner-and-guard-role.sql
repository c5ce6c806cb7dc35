-- Everything visible first (SELECT * shows state, xact_start, the waits and the last statement of every session),
-- then the runner ended by application name, the index built concurrently, and two guards on the migrations role
-- only (the application does not share it): a migration gives up on a lock after 5 s instead of queueing, and a
-- migration transaction whose client has vanished is ended after five minutes. Both apply to new sessions.
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
\connect app_db
SELECT relation::regclass, pid, mode, granted FROM pg_locks WHERE relation = 'orders'::regclass;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'migration_runner';
CREATE INDEX CONCURRENTLY idx_orders_user_id_safe ON orders (user_id);
SELECT c.relname, i.indisvalid, i.indisready FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'orders'::regclass;
ALTER ROLE migrator SET lock_timeout = '5s';
ALTER ROLE migrator SET idle_in_transaction_session_timeout = '5min';
