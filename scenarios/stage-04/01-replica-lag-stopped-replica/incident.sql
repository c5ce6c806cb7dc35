-- The incident: someone pauses WAL replay on the reporting replica (to read a stable snapshot for an export)
-- and forgets it.
-- ride: node replica1
SELECT pg_wal_replay_pause();
-- Right after, the partner feed lands 500 orders on the primary; the primary commits them, the paused
-- replica receives the WAL but never applies it.
-- ride: node primary
\connect app_db
INSERT INTO orders (customer_id, channel, import_batch, total_cents)
SELECT (g * 104729) % 3000 + 1, 'partner', 'PI-1203', 1000 + (g * 53) % 9000
FROM generate_series(1, 500) AS g;
