-- Tempting: "the lookup is by account, so index the account". A B-tree on payload->>'account' would serve
-- WHERE payload->>'account' = '...', but the console asks with @>, which no B-tree can answer: the plan stays a
-- Seq Scan, and every webhook insert now maintains one more index.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at, payload FROM webhook_events
WHERE payload @> '{"account": "acct_17", "type": "charge.refunded"}';
CREATE INDEX CONCURRENTLY webhook_events_account_idx ON webhook_events ((payload ->> 'account'));
