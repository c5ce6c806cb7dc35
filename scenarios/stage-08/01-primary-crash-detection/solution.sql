-- The writes fail and the reads don't: ask the replica what it is. It is still a standby (in recovery)
-- and its WAL receiver has no stream, so the trouble is upstream of it, on the primary.
-- ride: node replica1
SELECT pg_is_in_recovery() AS in_recovery,
       pg_last_wal_replay_lsn() AS replayed_up_to,
       pg_last_xact_replay_timestamp() AS last_replayed_commit;
SELECT status, sender_host, sender_port, last_msg_receipt_time FROM pg_stat_wal_receiver;
-- The primary's server stopped, but its data is intact: start it again. No failover is needed.
-- ride: action start-primary
-- Back on the primary: the order API can write, and replica1 is listed as streaming again.
-- ride: node primary
SELECT pg_is_in_recovery() AS primary_in_recovery;
