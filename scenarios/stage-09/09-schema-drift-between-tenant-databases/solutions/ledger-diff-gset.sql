-- A psql user's comparison: tenant_c's ledger goes into a variable with \gset, and tenant_b is asked which of those
-- versions it lacks (EXCEPT), rather than eyeballing two lists. The same for the columns. Then the one missing
-- migration is applied and recorded in one transaction.
\connect tenant_c
SELECT string_agg(quote_literal(version), ', ') AS healthy_versions FROM schema_migrations \gset
SELECT string_agg(quote_literal(column_name), ', ') AS healthy_columns
FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders' \gset
\connect tenant_b
SELECT v AS missing_migration FROM unnest(ARRAY[:healthy_versions]) AS v
EXCEPT SELECT version FROM schema_migrations;
SELECT c AS missing_column FROM unnest(ARRAY[:healthy_columns]) AS c
EXCEPT SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders';
BEGIN;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id');
COMMIT;
