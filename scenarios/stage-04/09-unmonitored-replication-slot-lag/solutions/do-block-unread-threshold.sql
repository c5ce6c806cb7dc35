-- A DO block that drops, in the current database, every logical slot whose consumer has left more than 256 MB
-- unread, after the lag of each slot has been looked at: the rule an on-call runbook would write down.
\connect app_db
SELECT slot_name, active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) AS unread_bytes
FROM pg_replication_slots WHERE database = current_database();
DO $$
DECLARE
    stale record;
BEGIN
    FOR stale IN SELECT slot_name FROM pg_replication_slots
                 WHERE database = current_database() AND slot_type = 'logical' AND NOT active
                   AND pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) > 256 * 1024 * 1024 LOOP
        RAISE NOTICE 'dropping %', stale.slot_name;
        PERFORM pg_drop_replication_slot(stale.slot_name);
    END LOOP;
END
$$;
