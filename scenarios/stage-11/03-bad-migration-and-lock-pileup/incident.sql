-- Release 2027.06's migration, as its runner executed it:
--   step 1 (autocommit, done): add orders.release_id, nullable and without a default;
--   step 2 (one transaction, still open): CREATE INDEX without CONCURRENTLY, which takes a SHARE lock on orders,
--   then the runner stops at an interactive "continue with the backfill? [y/N]" prompt that nobody answers.
-- This script is step 1. Step 2 is the migration actor (startAfterIncident: true), which connects right after it.
\connect app_db
ALTER TABLE orders ADD COLUMN release_id text;
