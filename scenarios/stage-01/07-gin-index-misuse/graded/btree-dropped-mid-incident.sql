-- grade: detect 40, fix 40, trap 15
-- The right diagnosis and the right index, then a tidy-up that does not belong in an incident: the B-tree is
-- dropped on the spot, without checking whether anything else (an equality lookup, a uniqueness check a
-- developer relies on) uses it.
SELECT left(query, 120), calls, round(total_exec_time) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
\d webhook_events
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> '{"account": "acct_17", "type": "charge.refunded"}';
CREATE INDEX CONCURRENTLY idx_webhook_events_payload_gin ON webhook_events USING gin (payload jsonb_path_ops);
DROP INDEX CONCURRENTLY webhook_events_payload_idx;
