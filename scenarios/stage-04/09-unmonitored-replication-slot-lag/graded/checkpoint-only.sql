-- grade: detect 40, fix 0, trap 20
-- The slots and pg_wal are looked at, and then "a checkpoint removes old WAL" is tried. It removes nothing a slot
-- keeps: pg_wal stays as it was.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
CHECKPOINT;
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
