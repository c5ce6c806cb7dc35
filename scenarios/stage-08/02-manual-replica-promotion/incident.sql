-- The canary's last round before the outage: one marker per database, committed on the primary and
-- acknowledged to the monitoring.
\connect app_db
INSERT INTO failover_markers (id, marker) VALUES (288, 'canary-0288');
\connect billing_db
INSERT INTO failover_markers (id, marker) VALUES (288, 'canary-0288');

-- The standby had caught up: replica1 replays both markers before the primary goes. (A bounded wait on the
-- replica itself, not a delay.)
-- ride: node replica1
\connect app_db
DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '30 seconds';
BEGIN
    LOOP
        EXIT WHEN EXISTS (SELECT 1 FROM failover_markers WHERE marker = 'canary-0288');
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'replica1 did not replay the last canary marker of app_db';
        END IF;
        PERFORM pg_sleep(0.02);
    END LOOP;
END
$$;
\connect billing_db
DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '30 seconds';
BEGIN
    LOOP
        EXIT WHEN EXISTS (SELECT 1 FROM failover_markers WHERE marker = 'canary-0288');
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'replica1 did not replay the last canary marker of billing_db';
        END IF;
        PERFORM pg_sleep(0.02);
    END LOOP;
END
$$;

-- The primary's host dies and takes the server with it. In this drill that is a stopped node which the
-- operator has no way to start again: the drill does not allow start-primary, because in the story there is
-- no machine left to start it on.
-- ride: action stop-node primary
