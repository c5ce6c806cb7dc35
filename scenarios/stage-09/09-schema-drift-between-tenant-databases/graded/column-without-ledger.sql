-- grade: detect 40, fix 25, trap 20
-- The drift is found and tenant B works again, but the ledger still says 0531 never ran in tenant_b. The next
-- person who "re-applies missing migrations" there, or a runner that checks every version, runs ADD COLUMN again and
-- fails on a column that already exists.
\connect tenant_a
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
SELECT version FROM schema_migrations ORDER BY version;
\connect tenant_b
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
SELECT version FROM schema_migrations ORDER BY version;
ALTER TABLE orders ADD COLUMN release_id text;
