-- Tempting: "order pages must be slower with all those dead rows, add an index". The file first does the right
-- thing (ends the export), then adds the index, built CONCURRENTLY so that the only wrong move is the index
-- itself: VACUUM was blocked, not slow, and the new index is one more thing every write has to maintain.
\connect tenant_b
SELECT pg_terminate_backend(pid, 5000)
FROM pg_stat_activity
WHERE datname = 'tenant_b' AND application_name = 'old_snapshot' AND state = 'idle in transaction';
CREATE INDEX CONCURRENTLY orders_updated_at_idx ON orders (updated_at);
