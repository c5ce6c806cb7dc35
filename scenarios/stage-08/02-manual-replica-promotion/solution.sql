-- The primary's host is gone, so everything rests on replica1: is it still a standby, is anything still
-- streaming to it, and has it replayed everything it received?
-- ride: node replica1
SELECT pg_is_in_recovery() AS in_recovery,
       pg_last_wal_receive_lsn() AS received,
       pg_last_wal_replay_lsn() AS replayed,
       pg_last_xact_replay_timestamp() AS last_replayed_commit;
SELECT status, sender_host, flushed_lsn FROM pg_stat_wal_receiver;
-- Received equals replayed and nothing streams any more: the standby holds all the primary sent it.
-- Promote it; the primary is not coming back.
-- ride: action promote-replica replica1
-- Confirm the promotion, then validate the canary's last acknowledged round in every application database.
-- ride: node replica1
SELECT pg_is_in_recovery() AS still_in_recovery;
\connect app_db
SELECT id, marker, written_at FROM failover_markers ORDER BY id DESC LIMIT 3;
\connect billing_db
SELECT id, marker, written_at FROM failover_markers ORDER BY id DESC LIMIT 3;
