-- grade: detect 40, fix 25, trap 20
-- A careful diagnosis and the right session ended, so orders flow again. But the index went away with the runner's
-- transaction and nobody built it again: the account page still reads the whole table, and the release is half done.
SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by, left(query, 60)
FROM pg_stat_activity WHERE datname = 'app_db';
\connect app_db
SELECT l.pid, l.mode, l.granted FROM pg_locks l WHERE l.relation = 'orders'::regclass;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'migration_runner';
