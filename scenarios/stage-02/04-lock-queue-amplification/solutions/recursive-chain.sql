-- Catalog SQL from the default database (the lock views are cluster-wide): a recursive query
-- follows pg_blocking_pids from the waiting shop sessions to the end of the chain, then the
-- sessions at the end that wait for nobody are ended. The migration is in the chain but waits
-- itself, so it is never picked.
WITH RECURSIVE chain(pid, depth) AS (
    SELECT pid, 0 FROM pg_stat_activity WHERE application_name IN ('storefront_api', 'order_api') AND wait_event_type = 'Lock'
  UNION
    SELECT b.pid, c.depth + 1
    FROM chain c CROSS JOIN LATERAL unnest(pg_blocking_pids(c.pid)) AS b(pid)
    WHERE c.depth < 5
)
SELECT DISTINCT c.pid, a.application_name, a.state, a.wait_event_type, c.depth,
       cardinality(pg_blocking_pids(c.pid)) AS waits_for
FROM chain c JOIN pg_stat_activity a ON a.pid = c.pid
ORDER BY c.depth;
SELECT pg_terminate_backend(a.pid)
FROM pg_stat_activity a
WHERE a.datname = 'app_db' AND a.state = 'idle in transaction'
  AND cardinality(pg_blocking_pids(a.pid)) = 0
  AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.relation = (SELECT l2.relation FROM pg_locks l2
              JOIN pg_stat_activity m ON m.pid = l2.pid WHERE m.application_name = 'migration_runner' AND NOT l2.granted LIMIT 1));
