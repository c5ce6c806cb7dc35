-- The nightly maintenance job starts on a day it should not have run (the schedule moved into shop hours).
-- 1. Its control connection (the maintenance_prep actor, connected before this script) has already run its first
--    step in a transaction it has not committed: ALTER INDEX orders_customer_created_idx SET (fillfactor = 70), so
--    the rebuild leaves room for updates. That holds a SHARE UPDATE EXCLUSIVE lock on the index (not on the
--    table, so the shop does not notice). This script waits until that lock is granted.
-- 2. Its worker connection (the maintenance_vacuum actor, startAfterIncident: true) connects right after this
--    script and runs VACUUM FULL orders: it takes an ACCESS EXCLUSIVE lock on orders, rewrites the table, and then
--    waits to rebuild the index behind the job's own uncommitted ALTER INDEX, holding the ACCESS EXCLUSIVE lock
--    all the while. Every query on orders, reads included, queues behind it.
\connect app_db
DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '30 seconds';
BEGIN
    LOOP
        PERFORM pg_stat_clear_snapshot();
        EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity a
                          JOIN pg_locks l ON l.pid = a.pid
                          WHERE a.application_name = 'nightly_maintenance' AND a.state = 'idle in transaction'
                            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                            AND l.relation = 'public.orders_customer_created_idx'::regclass
                            AND l.mode = 'ShareUpdateExclusiveLock' AND l.granted);
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'the maintenance job did not open its transaction';
        END IF;
        PERFORM pg_sleep(0.05);
    END LOOP;
END
$$;
