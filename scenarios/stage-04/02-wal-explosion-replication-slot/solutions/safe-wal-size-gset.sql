-- From the slots' side: wal_status and safe_wal_size (how much more WAL each slot may keep before the cap), the
-- slot keeping the most WAL picked into a psql variable with \gset, confirmed not to be the DR standby's, and
-- dropped. No checkpoint is forced: the next one, minutes away, removes the WAL.
SELECT slot_name, active, wal_status, pg_size_pretty(safe_wal_size) AS safe_wal_size,
       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
SELECT slot_name AS stale_slot FROM pg_replication_slots
WHERE slot_name <> 'dr_replica'
ORDER BY pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) DESC LIMIT 1 \gset
SELECT pg_drop_replication_slot(:'stale_slot');
