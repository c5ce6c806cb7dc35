-- On the primary: replica1 is connected and streaming, but how far has it replayed?
SELECT application_name, state, sent_lsn, write_lsn, flush_lsn, replay_lsn,
       pg_wal_lsn_diff(sent_lsn, replay_lsn) AS replay_behind_bytes, replay_lag
FROM pg_stat_replication;
-- On replica1: WAL keeps arriving, replay does not move, and replay is paused.
-- ride: node replica1
SELECT pg_is_in_recovery() AS in_recovery,
       pg_last_wal_receive_lsn() AS received,
       pg_last_wal_replay_lsn() AS replayed,
       pg_last_xact_replay_timestamp() AS last_replayed_commit,
       pg_get_wal_replay_pause_state() AS replay_state;
-- Nothing is broken, replay was only paused: resume it and the replica catches up by itself.
SELECT pg_wal_replay_resume();
