-- grade: detect 0, fix 40, trap 20
-- The right index, built the right way, from a guess: nothing was looked at first, so nobody saw that the existing
-- index was a B-tree.
\connect app_db
CREATE INDEX CONCURRENTLY idx_webhook_events_payload_gin ON webhook_events USING gin (payload jsonb_path_ops);
