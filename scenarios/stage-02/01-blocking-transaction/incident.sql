-- A back-office user opens a transaction in the console, raises every price by 5 % and never commits.
-- The console session is an actor (backoffice_console); this script gives it its cue and waits until its
-- transaction holds the row locks, so the incident is in place when Start returns.
\connect app_db
INSERT INTO ride_sim.cues (actor) VALUES ('backoffice_console');

DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '30 seconds';
BEGIN
    LOOP
        PERFORM pg_stat_clear_snapshot();
        EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity
                          WHERE application_name = 'backoffice_console'
                            AND state = 'idle in transaction' AND backend_xid IS NOT NULL);
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'the back-office console did not open its transaction';
        END IF;
        PERFORM pg_sleep(0.05);
    END LOOP;
END
$$;
