-- Tempting: "the old version wants legacy_status, so rename status back" (breaks the new version).
\connect app_db
ALTER TABLE orders RENAME COLUMN status TO legacy_status;
