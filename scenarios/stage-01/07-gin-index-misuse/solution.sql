-- Where does the time go? The timeline's containment lookup, from app_db, far ahead of everything else.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 1) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC
LIMIT 5;

\connect app_db

-- The plan, as the console sends the statement: a Seq Scan of every event, the @> condition only a Filter.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, received_at, payload FROM webhook_events
WHERE payload @> (SELECT jsonb_build_object('account', 'acct_' || (floor(random() * 4000)::int + 1), 'type', 'charge.refunded'));

-- The payload's index is a B-tree: it orders whole documents and has no operator for @>.
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'webhook_events';

-- A GIN index answers containment. jsonb_path_ops supports only @> (which is all the timeline asks) and is smaller
-- and faster for it than the default jsonb_ops. CONCURRENTLY: ingestion keeps inserting meanwhile. The B-tree
-- stays for now; retire it once pg_stat_user_indexes shows nobody uses it.
CREATE INDEX CONCURRENTLY idx_webhook_events_payload_gin ON webhook_events USING gin (payload jsonb_path_ops);

-- The same statement now: a Bitmap Index Scan on the GIN index and a couple of dozen buffers.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, received_at, payload FROM webhook_events
WHERE payload @> (SELECT jsonb_build_object('account', 'acct_' || (floor(random() * 4000)::int + 1), 'type', 'charge.refunded'));
