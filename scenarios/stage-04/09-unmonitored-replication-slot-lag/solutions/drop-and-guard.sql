-- Everything about the slots (SELECT *) and the WAL directory's size, the abandoned slot dropped by name from its
-- database, then the durable guard the postmortem asks for: max_slot_wal_keep_size, so a future forgotten slot is
-- invalidated at 50 GB instead of filling the disk (a reload is enough for it). The value is the production one;
-- the sandbox's own cap is lower.
SELECT * FROM pg_replication_slots;
SELECT pg_size_pretty(sum(size)) AS pg_wal_size FROM pg_ls_waldir();
\connect app_db
SELECT pg_drop_replication_slot('old_analytics_slot');
ALTER SYSTEM SET max_slot_wal_keep_size = '50GB';
SELECT pg_reload_conf();
