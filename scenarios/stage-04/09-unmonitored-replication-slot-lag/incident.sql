-- The state of the cluster's logical replication slots this morning. Both are created here, so every Start and
-- every Reset has them (Reset drops a scenario database's logical slots before it restores the database).
--
-- old_analytics_slot: the analytics team's CDC connector, switched off when they moved to the warehouse's own
-- loader. Nobody dropped its slot, and nothing alerts on slot lag. Since then the server has kept every WAL segment
-- written after the slot's restart_lsn. In production that is weeks of WAL; here the weeks are stood in for by
-- 24 WAL segment switches right after the slot is created: real 16 MB segment files in pg_wal, real LSN distance
-- (384 MB) between the slot's restart_lsn and the current WAL position, produced in a second. The shop's own writes
-- then add to it while the drill runs. max_slot_wal_keep_size (scenario settings) is the sandbox's safety cap, far
-- above what a drill reaches.
--
-- billing_cdc: billing's pipeline, healthy. Its consumer (the billing_consumer actor) reads the slot every second
-- and confirms what it has read, so its lag stays small. Like most consumers that poll, it is "active" only while it
-- reads: active = false in pg_replication_slots most of the time, the same as the abandoned slot.
\connect app_db
SELECT pg_create_logical_replication_slot('old_analytics_slot', 'pgoutput');
DO $$
BEGIN
    FOR i IN 1..24 LOOP
        -- A WAL switch needs a WAL record since the last one; a non-transactional logical message is the smallest.
        PERFORM pg_logical_emit_message(false, 'wal-history', '');
        PERFORM pg_switch_wal();
    END LOOP;
END
$$;
SELECT pg_create_logical_replication_slot('billing_cdc', 'pgoutput');
