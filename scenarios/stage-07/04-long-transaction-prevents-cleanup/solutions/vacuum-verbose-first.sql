-- The VACUUM-first investigation: ask VACUUM why it keeps the rows ("dead but not yet removable, oldest xmin: N"),
-- then find the session whose backend_xmin is that old, end exactly that one, and freeze orders while at it
-- (VACUUM FREEZE is still a plain VACUUM: it takes no exclusive lock).
\connect tenant_b
VACUUM (VERBOSE) orders;
SELECT pid, application_name, state, backend_xmin, xact_start
FROM pg_stat_activity
WHERE datname = current_database() AND backend_xmin IS NOT NULL
ORDER BY age(backend_xmin) DESC;

SELECT pg_terminate_backend(pid, 5000)
FROM (SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND state = 'idle in transaction'
      ORDER BY xact_start LIMIT 1) AS oldest;

VACUUM (FREEZE, VERBOSE, ANALYZE) orders;
