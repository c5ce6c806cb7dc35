-- grade: detect 20, fix 40, trap 20
-- The lag is seen from the primary (replay_lsn behind sent_lsn), and the replay is resumed, but nobody
-- asked the replica why it stopped replaying before resuming: half the diagnosis.
SELECT application_name, state, sent_lsn, replay_lsn, replay_lag FROM pg_stat_replication;
-- ride: node replica1
SELECT pg_wal_replay_resume();
