-- Tempting: "force a checkpoint, it removes old WAL". Not while a slot holds it, and it is an I/O spike during the
-- batch. The slot is dropped afterwards, which is the real fix.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
CHECKPOINT;
SELECT pg_drop_replication_slot('reporting_replica');
