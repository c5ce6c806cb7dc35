-- Where the release works: what does orders look like in tenant_a, and which migrations does its ledger list?
\connect tenant_a
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;
SELECT version, applied_at FROM schema_migrations ORDER BY version;

-- And in tenant_b, where the requests fail? release_id is not there, and neither is 0531 in the ledger, although the
-- later 0603 is: the runner, which applies what is newer than the newest row, will never go back for it.
\connect tenant_b
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'orders'
ORDER BY ordinal_position;
SELECT version, applied_at FROM schema_migrations ORDER BY version;

-- Apply the skipped migration exactly as it ran elsewhere, and record it, in one transaction.
BEGIN;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id');
COMMIT;
