-- The default GIN operator class, jsonb_ops: it indexes every key and every value separately, so it also serves
-- the key-existence operators (?, ?| and ?&) that a later feature might use. About four times the buffers of
-- jsonb_path_ops for this lookup and a bigger index, but the same Bitmap Index Scan instead of a full scan.
SELECT calls, round(total_exec_time) AS total_ms, left(query, 120) AS query
FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
SELECT c.relname, a.amname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
WHERE i.indrelid = 'webhook_events'::regclass;
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> '{"account": "acct_640", "type": "charge.refunded"}';
CREATE INDEX CONCURRENTLY webhook_events_payload_gin_idx ON webhook_events USING gin (payload);
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> '{"account": "acct_640", "type": "charge.refunded"}';
