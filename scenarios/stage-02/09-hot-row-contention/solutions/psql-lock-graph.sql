-- A psql user's session: everything pg_stat_activity knows, then the lock table: ungranted tuple locks on
-- sales, one transactionid wait. The holders and waiters of that tuple are the importer's workers; end them by
-- pid, straight from the lock table, keeping only those whose application is the importer.
\connect app_db
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT * FROM pg_locks WHERE NOT granted;
SELECT pg_terminate_backend(a.pid)
FROM pg_stat_activity a
WHERE a.application_name = 'claims_importer'
  AND a.pid IN (SELECT l.pid FROM pg_locks l WHERE l.relation = 'public.sales'::regclass
                UNION
                SELECT unnest(pg_blocking_pids(l.pid)) FROM pg_locks l WHERE NOT l.granted);
-- An importer that was between two calls held no lock at that instant: end it too.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'claims_importer';
