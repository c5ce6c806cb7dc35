-- Tempting: "both slots are inactive, so neither has a consumer: clear them all out". The cleanup waits for a slot
-- that turns out to be busy and drops it anyway. billing_cdc is read every second and is only inactive between
-- reads; dropping it throws away every change billing has not read yet.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
\connect app_db
DO $$
DECLARE
    s record;
BEGIN
    FOR s IN SELECT slot_name FROM pg_replication_slots WHERE database = current_database() LOOP
        LOOP
            BEGIN
                PERFORM pg_drop_replication_slot(s.slot_name);
                EXIT;
            EXCEPTION WHEN object_in_use THEN
                PERFORM pg_sleep(0.1);
            END;
        END LOOP;
    END LOOP;
END
$$;
