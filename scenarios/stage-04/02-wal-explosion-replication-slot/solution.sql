-- How big is pg_wal? Far more segments than max_wal_size allows for means WAL is being kept, not recycled.
SELECT count(*) AS segments, pg_size_pretty(sum(size)) AS total FROM pg_ls_waldir();
SHOW max_wal_size;

-- Is anything streaming, and which slots keep WAL back, and how much?
SELECT application_name, state, sent_lsn FROM pg_stat_replication;
SELECT slot_name, slot_type, active, wal_status, restart_lsn,
       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots
ORDER BY pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) DESC;

-- Nothing streams. dr_replica's slot holds WAL from shortly before the incident: the DR standby that is being
-- patched and comes back. reporting_replica holds half a gigabyte and more: its server was retired. Drop that one
-- only, then let a checkpoint remove the WAL it kept.
SELECT pg_drop_replication_slot('reporting_replica');
CHECKPOINT;
SELECT count(*) AS segments, pg_size_pretty(sum(size)) AS total FROM pg_ls_waldir();
