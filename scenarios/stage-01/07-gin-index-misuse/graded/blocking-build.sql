-- grade: detect 40, fix 40, trap 15
-- The right diagnosis and the right index, built with a plain CREATE INDEX: every webhook insert waits behind the
-- build's SHARE lock for as long as the GIN index takes to build.
SELECT left(query, 120), calls, round(total_exec_time) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'webhook_events';
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> '{"account": "acct_17", "type": "charge.refunded"}';
CREATE INDEX idx_webhook_events_payload_gin ON webhook_events USING gin (payload jsonb_path_ops);
