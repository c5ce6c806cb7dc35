-- Tempting: "pg_wal is full of old segments, clear out the old ones" from psql, through the server's shell. Here
-- the find matches nothing (no segment is an hour old yet), but the move is the same: the server still needs those
-- files, and deleting the wrong one loses the cluster. The slot is then dropped, which is the real fix.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
COPY (SELECT 1) TO PROGRAM 'find pg_wal -maxdepth 1 -name "0000*" -mmin +60 -delete';
SELECT pg_drop_replication_slot('reporting_replica');
