-- grade: detect 0, fix 40, trap 20
-- Straight from the error message and the migration file: right, and nothing was compared first, so nobody checked
-- whether tenant_b lacked anything else, or whether the ledger agreed.
\connect tenant_b
BEGIN;
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id');
COMMIT;
