-- Tempting: "a restart clears whatever is stuck". Replay is resumed properly first, then the replica is
-- stopped anyway "to be sure", and the dashboard loses its server.
-- ride: node replica1
SELECT pg_wal_replay_resume();
-- ride: action stop-node replica1
