-- grade: detect 40, fix 0, trap 20
-- The right slot is found, but instead of dropping it the operator moves it forward to the current position: the
-- WAL is freed today, and the slot, with nothing reading it, starts keeping WAL again from now on.
SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
\connect app_db
SELECT pg_replication_slot_advance('old_analytics_slot', pg_current_wal_lsn());
