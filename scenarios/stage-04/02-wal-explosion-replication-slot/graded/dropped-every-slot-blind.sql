-- grade: detect 0, fix 25, trap 10
-- "Inactive slots keep WAL, drop them", without a look: the retired replica's slot goes, which frees the space, and
-- so does the DR standby's, which will need a rebuild when it comes back from patching.
SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active;
