-- VACUUM runs in tenant_b but cleans nothing: ask it why.
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum, autovacuum_count
FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;
VACUUM (VERBOSE) orders;   -- "... are dead but not yet removable, oldest xmin: N"

-- Who holds a snapshot that old? The oldest backend_xmin, idle in transaction since before the job.
SELECT pid, datname, application_name, state, backend_xmin, now() - xact_start AS xact_age, left(query, 60) AS query
FROM pg_stat_activity
WHERE backend_xmin IS NOT NULL
ORDER BY age(backend_xmin) DESC;

-- End exactly that transaction (and wait until the backend is really gone), nothing else.
SELECT pid, pg_terminate_backend(pid, 5000)
FROM pg_stat_activity
WHERE datname = 'tenant_b'
  AND application_name = 'old_snapshot'
  AND state = 'idle in transaction';

-- Now VACUUM may remove what nobody can see any more.
VACUUM (VERBOSE, ANALYZE) orders;
