-- The nightly export has opened its REPEATABLE READ snapshot in tenant_b and then stalled, idle in transaction.
-- Wait until it holds that snapshot, so everything below happens after it, as it did in production.
\connect tenant_b
-- The sandbox commits asynchronously; a synchronous commit here lets every later reader set the hint bits of
-- the rows below at once, so what VACUUM can mark all-visible never depends on when the WAL writer woke up.
SET synchronous_commit = on;
DO $$
BEGIN
    FOR i IN 1 .. 400 LOOP
        PERFORM pg_stat_clear_snapshot();
        IF EXISTS (SELECT 1 FROM pg_stat_activity
                   WHERE application_name = 'old_snapshot' AND datname = 'tenant_b'
                     AND state = 'idle in transaction' AND backend_xmin IS NOT NULL) THEN
            RETURN;
        END IF;
        PERFORM pg_sleep(0.025);
    END LOOP;
    RAISE EXCEPTION 'the export session never opened its snapshot';
END
$$;

-- Then the reconciliation job corrected the totals of one customer in eight: 5,000 orders, spread over every page.
UPDATE orders SET total_cents = total_cents + 1, updated_at = timestamptz '2026-10-29 02:00:00+00'
WHERE customer_id % 8 = 0;

-- And the maintenance job vacuumed right after it. Every old row version is still visible to the export's
-- snapshot, so VACUUM keeps them all ("dead but not yet removable") and can mark no page all-visible.
VACUUM ANALYZE orders;
