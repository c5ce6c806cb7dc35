-- How big is pg_wal, and is it growing? Segment files and their total.
SELECT count(*) AS segments, pg_size_pretty(sum(size)) AS total FROM pg_ls_waldir();

-- Which slots hold WAL back, and how much? "active" says little here; the distance from the current WAL position
-- to each slot's restart_lsn (what it keeps) and confirmed_flush_lsn (what its consumer has read) says everything.
SELECT slot_name, slot_type, database, active, wal_status,
       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained,
       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)) AS consumer_lag
FROM pg_replication_slots
ORDER BY pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) DESC;

-- old_analytics_slot belongs to the connector that was switched off; billing_cdc is read every second. Drop the
-- abandoned one only, from the database the slot decodes (a logical slot can only be dropped there). Its WAL goes at
-- the next checkpoint.
\connect app_db
SELECT pg_drop_replication_slot('old_analytics_slot');

-- Confirm: only billing's slot is left, and what it keeps is small.
SELECT slot_name, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained FROM pg_replication_slots;
