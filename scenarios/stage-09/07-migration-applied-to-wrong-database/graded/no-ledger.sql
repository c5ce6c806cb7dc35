-- grade: detect 40, fix 30, trap 20
-- The right diagnosis and the column added where it belongs, so 3.1 works; but app_db's ledger still lacks 0031,
-- so the next deploy runs the migration again and fails on a column that already exists (migration-recorded).
\connect app_db
\d orders
\connect analytics_db
TABLE schema_migrations;
\connect app_db
ALTER TABLE orders ADD COLUMN release_id text;
