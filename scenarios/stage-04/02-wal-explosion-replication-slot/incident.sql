-- The primary's physical replication slots tonight. Physical slots live outside the databases and survive a Reset,
-- so they are dropped here if still there, then created again: every Start and every Reset has them as below.
--
-- reporting_replica: the slot of the reporting replica that was retired last month when reports moved to the
-- warehouse. The server was shut down; its slot was never dropped. Since then the primary has kept every WAL
-- segment written after the slot's restart_lsn, and the nightly repricing job writes a lot of it. In production that
-- is a month of WAL; here the month is stood in for by 32 WAL segment switches right after the slot is created:
-- real 16 MB segment files in pg_wal, real LSN distance (512 MB) between the slot's restart_lsn and the current WAL
-- position, produced in a second. The repricing job and the shop then add to it while the drill runs.
-- max_slot_wal_keep_size (scenario settings) is the sandbox's safety cap, far above what a drill reaches.
--
-- dr_replica: the disaster-recovery standby's slot. The standby was streaming until it went down for planned OS
-- patching shortly before the incident; it reconnects when the patching is done and needs every WAL segment since.
\connect app_db
SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name IN ('reporting_replica', 'dr_replica');
SELECT pg_create_physical_replication_slot('reporting_replica', true);
DO $$
BEGIN
    FOR i IN 1..32 LOOP
        -- A WAL switch needs a WAL record since the last one; a non-transactional logical message is the smallest.
        PERFORM pg_logical_emit_message(false, 'wal-history', '');
        PERFORM pg_switch_wal();
    END LOOP;
END
$$;
-- A physical slot reserves WAL from the last checkpoint's redo point: take one, so dr_replica starts from now.
CHECKPOINT;
SELECT pg_create_physical_replication_slot('dr_replica', true);
