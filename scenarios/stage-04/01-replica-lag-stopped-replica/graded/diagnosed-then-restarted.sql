-- grade: detect 40, fix 0, trap 15
-- Everything is looked at and the pause is even spotted, but the operator "turns it off and on again":
-- the replica is stopped, the dashboard loses its server, and there is no action to start a replica again.
SELECT application_name, state, sent_lsn, replay_lsn FROM pg_stat_replication;
-- ride: node replica1
SELECT pg_is_wal_replay_paused(), pg_last_wal_replay_lsn();
-- ride: action stop-node replica1
