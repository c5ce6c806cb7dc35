-- From the slot's side first: wal_status and safe_wal_size say how close each slot is to the sandbox's cap, and the
-- slot keeping the most WAL goes into a psql variable with \gset. It is confirmed to be the one whose consumer lags
-- (confirmed_flush_lsn far behind), then dropped from app_db, and a checkpoint lets the server remove its WAL at once.
\connect app_db
SELECT slot_name, plugin, active, wal_status, pg_size_pretty(safe_wal_size) AS safe_wal_size,
       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)) AS unread
FROM pg_replication_slots;
SELECT slot_name AS stale_slot FROM pg_replication_slots
ORDER BY pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) DESC LIMIT 1 \gset
SELECT pg_drop_replication_slot(:'stale_slot');
CHECKPOINT;
SELECT count(*) AS segments, pg_size_pretty(sum(size)) AS total FROM pg_ls_waldir();
