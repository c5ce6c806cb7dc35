-- grade: detect 0, fix 40, trap 20
-- "The dashboard replica is stale, someone probably paused it again": the right command from memory,
-- with nothing looked at first. The replica recovers; the diagnosis earns nothing.
-- ride: node replica1
SELECT pg_wal_replay_resume();
