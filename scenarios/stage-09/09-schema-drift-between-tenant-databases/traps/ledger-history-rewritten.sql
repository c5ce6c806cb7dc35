-- Tempting: "the runner only applies what is newer than the newest row, so delete the newer rows and let the
-- pipeline catch tenant_b up". Here the operator does it by hand, re-running 0603 after 0531: tenant_b ends up with
-- the right columns, but its ledger history is rewritten (0603 re-dated), and in real life the runner would
-- re-run 0603's ADD COLUMN on a table that already has it and fail.
\connect tenant_a
SELECT version, applied_at FROM schema_migrations ORDER BY version;
\connect tenant_b
SELECT column_name FROM information_schema.columns WHERE table_name = 'orders';
SELECT version, applied_at FROM schema_migrations ORDER BY version;
DELETE FROM schema_migrations WHERE version > '20260530';
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version) VALUES ('20260531_add_order_release_id'), ('20260603_add_order_shipped_at');
