-- Tempting: "the replica is stuck and finance needs current numbers now: promote it and point the dashboard at it".
-- ride: node replica1
SELECT pg_is_wal_replay_paused();
-- ride: action promote-replica replica1
