-- Release 4.2, 02:05: step 1 of 20260531_add_order_release_id is already committed in tenant_a (setup).
-- Step 2 is the migration_runner actor (startAfterIncident: true): it connects right after this script, opens a
-- transaction in tenant_a, backfills every order (row locks on all of them) and then stops at a confirmation
-- prompt before its ALTER ... SET DEFAULT and its COMMIT. Nothing else changes at this moment, so this script
-- only says so.
\connect tenant_a
SELECT 'release 4.2: step 2 of 20260531_add_order_release_id starts in tenant_a' AS incident;
