-- 1. The nightly finance export opens a transaction, reads orders and then sits idle in transaction while it
--    uploads the file (it holds an ACCESS SHARE lock on orders until it commits).
-- 2. Release 2027.04's migration runs ALTER TABLE orders ADD COLUMN without a lock_timeout: it needs an
--    ACCESS EXCLUSIVE lock, waits for the export, and every later query on orders queues behind it.
-- Both sessions are actors; this script cues them in that order and waits until the queue has formed.
\connect app_db
INSERT INTO ride_sim.cues (actor) VALUES ('finance_export');

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

INSERT INTO ride_sim.cues (actor) VALUES ('migration');

DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '30 seconds';
BEGIN
    LOOP
        PERFORM pg_stat_clear_snapshot();
        EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity a
                          JOIN pg_locks l ON l.pid = a.pid
                          WHERE a.application_name = 'migration_runner'
                            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                            AND l.relation = 'public.orders'::regclass AND l.mode = 'AccessExclusiveLock' AND NOT l.granted);
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'the migration did not queue for its lock';
        END IF;
        PERFORM pg_sleep(0.05);
    END LOOP;
END
$$;
