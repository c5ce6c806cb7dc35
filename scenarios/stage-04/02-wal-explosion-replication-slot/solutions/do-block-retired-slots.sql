-- The runbook's rule as a DO block, after looking: drop every inactive physical slot that keeps more than 256 MB
-- and whose name is not in the standby inventory (here: dr_replica only).
SELECT slot_name, slot_type, active, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) AS retained_bytes
FROM pg_replication_slots;
DO $$
DECLARE
    stale record;
BEGIN
    FOR stale IN SELECT slot_name FROM pg_replication_slots
                 WHERE slot_type = 'physical' AND NOT active AND slot_name <> ALL (ARRAY['dr_replica'])
                   AND pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) > 256 * 1024 * 1024 LOOP
        RAISE NOTICE 'dropping %', stale.slot_name;
        PERFORM pg_drop_replication_slot(stale.slot_name);
    END LOOP;
END
$$;
