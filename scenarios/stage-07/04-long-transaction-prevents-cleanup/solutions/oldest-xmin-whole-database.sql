-- From the default database, as an operator's first psql session would start: every session of the cluster with
-- its snapshot (backend_xmin) and transaction age, oldest first. pg_stat_activity is cluster-wide, so this look
-- counts wherever it runs; the dead rows must be looked at in tenant_b itself, where the statistics live.
SELECT datname, pid, application_name, state, backend_xmin, age(backend_xmin) AS xmin_age, now() - xact_start AS xact_age
FROM pg_stat_activity
WHERE backend_type = 'client backend'
ORDER BY age(backend_xmin) DESC NULLS LAST;

\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum, autovacuum_count
FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;

-- The oldest snapshot in tenant_b belongs to the session idle in transaction: end it, and wait until it is gone.
SELECT pid, pg_terminate_backend(pid, 5000)
FROM pg_stat_activity
WHERE datname = 'tenant_b' AND state = 'idle in transaction' AND backend_xmin IS NOT NULL
ORDER BY age(backend_xmin) DESC
LIMIT 1;

-- A database-wide VACUUM cleans orders and carts alike (plain VACUUM: no exclusive lock).
VACUUM (ANALYZE);
