-- A psql user's session: \d webhook_events shows "btree (payload)", \dx and \do would show the jsonb operators,
-- and the fix is checked against the plan before and after.
SELECT query, calls, mean_exec_time FROM pg_stat_statements WHERE query ILIKE '%webhook_events%' ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
\d webhook_events
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> jsonb_build_object('account', 'acct_1500', 'type', 'charge.refunded');
CREATE INDEX CONCURRENTLY webhook_events_payload_path_idx ON webhook_events USING gin (payload jsonb_path_ops);
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> jsonb_build_object('account', 'acct_1500', 'type', 'charge.refunded');
