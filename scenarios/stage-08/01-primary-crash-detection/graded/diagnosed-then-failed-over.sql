-- grade: detect 40, fix 20, trap 8
-- A textbook diagnosis followed by the wrong remedy: the replica is seen to be a healthy standby without
-- a stream, and the operator fails over to it instead of starting the primary. Orders flow again (on the
-- new primary), so the writes earn their points, but the old primary is fenced and must be rebuilt and
-- nothing replicates to the new one: no standby is left. The drill's main trap (12 points).
-- ride: node replica1
SELECT pg_is_in_recovery(), status FROM pg_stat_wal_receiver;
SELECT pg_last_xact_replay_timestamp();
-- ride: action fence-old-primary
-- ride: action promote-replica replica1
