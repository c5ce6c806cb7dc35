-- Diagnosed from the catalog: which access method the index uses and which operators its operator class offers
-- (the B-tree's jsonb_ops has =, <, >, no @>), then a GIN index built with more maintenance memory in this
-- session only, so the concurrent build finishes sooner.
WITH top AS (SELECT query, total_exec_time, calls FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5)
SELECT round(total_exec_time) AS ms, calls, left(query, 100) FROM top;
\connect app_db
SELECT i.indexrelid::regclass AS index, a.amname, o.opcname
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_am a ON a.oid = c.relam
JOIN pg_opclass o ON o.oid = i.indclass[0]
WHERE i.indrelid = 'webhook_events'::regclass;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> (SELECT jsonb_build_object('account', 'acct_' || (floor(random() * 4000)::int + 1), 'type', 'charge.refunded'));
SET maintenance_work_mem = '128MB';
CREATE INDEX CONCURRENTLY webhook_events_payload_gin ON webhook_events USING gin (payload jsonb_path_ops);
RESET maintenance_work_mem;
