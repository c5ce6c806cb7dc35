-- Tempting: stop the stuck runner, then "finish the index it was building" with a plain CREATE INDEX.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';
\connect app_db
CREATE INDEX orders_release_id_idx ON orders (release_id);
