-- grade: detect 0, fix 40, trap 20
-- The reference repair typed straight from the release notes: no look at the sessions, the columns or the errors.
-- It works, but nothing shows how the operator knew, so it earns no Detect.
\connect app_db
ALTER TABLE orders ADD COLUMN legacy_status text;
UPDATE orders SET legacy_status = status;
