-- A psql user who goes straight to the replica: \x for readable rows, the WAL receiver's view of the stream,
-- then the replay state. Received keeps moving, replayed does not, and the state is "paused".
-- ride: node replica1
\x on
SELECT status, receive_start_lsn, written_lsn, flushed_lsn, last_msg_receipt_time, sender_host
FROM pg_stat_wal_receiver;
SELECT pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn(), pg_last_xact_replay_timestamp(),
       pg_is_wal_replay_paused();
\x off
SELECT pg_wal_replay_resume();
SELECT pg_get_wal_replay_pause_state();
