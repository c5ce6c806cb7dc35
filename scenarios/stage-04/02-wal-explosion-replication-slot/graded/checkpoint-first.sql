-- grade: detect 40, fix 40, trap 15
-- The slots and the WAL are looked at, then a CHECKPOINT is forced "to clear old WAL" before anything else. It
-- frees nothing while the slot holds the WAL, and it is an I/O spike in the middle of the batch. The slot is then
-- dropped, which is the real fix.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
CHECKPOINT;
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
SELECT pg_drop_replication_slot('reporting_replica');
