-- grade: detect 40, fix 0, trap 20
-- A thorough diagnosis that stops at the report: the lag is measured on both sides and the pause is found,
-- but nobody resumes replay ("I'll leave it for whoever paused it"). Nothing is harmed, nothing is fixed.
SELECT application_name, state, sent_lsn, flush_lsn, replay_lsn, replay_lag FROM pg_stat_replication;
-- ride: node replica1
SELECT pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn(), pg_last_xact_replay_timestamp(),
       pg_get_wal_replay_pause_state();
