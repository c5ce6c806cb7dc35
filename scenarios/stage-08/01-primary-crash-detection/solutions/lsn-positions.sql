-- A replication person's look: where has replica1 got to in the WAL, and when did it last replay a commit?
-- Received and replayed positions that no longer move, with a replay timestamp frozen at the outage,
-- mean the standby is caught up on what it had and waiting for an upstream that is gone.
-- ride: node replica1
SELECT pg_is_in_recovery() AS standby,
       pg_last_wal_receive_lsn() AS received,
       pg_last_wal_replay_lsn() AS replayed,
       pg_last_xact_replay_timestamp() AS last_commit_replayed,
       now() - pg_last_xact_replay_timestamp() AS behind_by;
-- Start the primary on its own data, then wait until the replica has caught up with it again.
-- ride: action start-primary
-- ride: action wait-for-replica-catchup replica1
-- ride: node primary
SELECT application_name, state, sent_lsn, replay_lsn FROM pg_stat_replication;
