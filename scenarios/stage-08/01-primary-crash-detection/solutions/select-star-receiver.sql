-- The plainest way: look at everything the replica says about its WAL receiver, and ask it whether
-- it is still a standby. Then restart the primary and confirm from the primary's side that the
-- replica is connected again, by its slot.
-- ride: node replica1
SELECT * FROM pg_stat_wal_receiver;
SELECT pg_is_in_recovery();
-- ride: action start-primary
-- ride: node primary
\connect app_db
SELECT slot_name, slot_type, active, restart_lsn FROM pg_replication_slots;
SELECT count(*) AS orders_so_far FROM orders;
