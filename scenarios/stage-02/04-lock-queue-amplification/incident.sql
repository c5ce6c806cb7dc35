-- 1. The nightly finance export (the finance_export actor, connected before the release) opened a transaction,
--    read orders and now sits idle in transaction while it uploads the file: it holds an ACCESS SHARE lock on
--    orders until it commits. This script waits until that lock is granted.
-- 2. Release 2027.04's migration (the migration actor, startAfterIncident: true) connects right after this script
--    and runs ALTER TABLE orders ADD COLUMN without a lock_timeout: it needs an ACCESS EXCLUSIVE lock, waits for
--    the export, and every later query on orders queues behind it.
\connect app_db
DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '30 seconds';
BEGIN
    LOOP
        PERFORM pg_stat_clear_snapshot();
        EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity a
                          JOIN pg_locks l ON l.pid = a.pid
                          WHERE a.application_name = 'finance_export' AND a.state = 'idle in transaction'
                            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                            AND l.relation = 'public.orders'::regclass AND l.mode = 'AccessShareLock' AND l.granted);
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'the finance export did not open its transaction';
        END IF;
        PERFORM pg_sleep(0.05);
    END LOOP;
END
$$;
