-- Release 2027.06's migration, as its runner executed it:
--   step 1 (autocommit, done): add orders.release_id, nullable and without a default;
--   step 2 (one transaction, still open): CREATE INDEX without CONCURRENTLY, which takes a SHARE lock on orders,
--   then the runner stops at an interactive "continue with the backfill? [y/N]" prompt that nobody answers.
-- Step 2 runs in the migration_runner actor; this script applies step 1, cues step 2 and waits for its lock.
\connect app_db
ALTER TABLE orders ADD COLUMN release_id text;

INSERT INTO ride_sim.cues (actor) VALUES ('migration');

DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '30 seconds';
BEGIN
    LOOP
        PERFORM pg_stat_clear_snapshot();
        EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity a
                          JOIN pg_locks l ON l.pid = a.pid
                          WHERE a.application_name LIKE 'migration_runner%' AND a.state = 'idle in transaction'
                            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                            AND l.relation = 'public.orders'::regclass AND l.mode = 'ShareLock' AND l.granted);
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'the migration did not take its lock';
        END IF;
        PERFORM pg_sleep(0.05);
    END LOOP;
END
$$;
