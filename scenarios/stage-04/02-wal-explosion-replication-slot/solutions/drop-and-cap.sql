-- Everything about the slots (SELECT *) and the WAL directory against max_wal_size, the retired replica's slot
-- dropped by name, a checkpoint to get the space back now, and the durable guard: max_slot_wal_keep_size, so a
-- future forgotten slot is invalidated at 100 GB instead of filling the WAL volume (a reload is enough for it). The
-- value is the production one; the sandbox's own cap is lower.
SELECT * FROM pg_replication_slots;
SELECT pg_size_pretty(sum(size)) AS pg_wal_size, current_setting('max_wal_size') AS max_wal_size FROM pg_ls_waldir();
SELECT pg_drop_replication_slot('reporting_replica');
CHECKPOINT;
ALTER SYSTEM SET max_slot_wal_keep_size = '100GB';
SELECT pg_reload_conf();
