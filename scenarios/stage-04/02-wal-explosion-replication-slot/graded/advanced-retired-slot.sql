-- grade: detect 40, fix 0, trap 20
-- The right slot is found, but it is moved forward to the current position instead of dropped: the space comes back
-- today, and the slot of a server that no longer exists starts keeping WAL again at once.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
SELECT pg_replication_slot_advance('reporting_replica', pg_current_wal_lsn());
