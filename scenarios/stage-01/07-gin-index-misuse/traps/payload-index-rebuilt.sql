-- Tempting: "the payload is indexed and the planner will not use the index, so the index must be bloated or
-- broken; rebuild it". Done CONCURRENTLY, so ingestion is not blocked. But the B-tree is healthy; it is the wrong
-- kind of index for @>, and the rebuilt one is ignored exactly like the old one.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> '{"account": "acct_17", "type": "charge.refunded"}';
REINDEX INDEX CONCURRENTLY webhook_events_payload_idx;
