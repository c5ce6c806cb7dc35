-- Compare positions on both sides first, resume replay, then use Ride's catch-up action to confirm the replica
-- has replayed everything the primary had written.
SELECT pg_current_wal_lsn() AS primary_lsn;
SELECT application_name, state, replay_lsn, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS bytes_behind
FROM pg_stat_replication WHERE application_name = 'replica1';
-- ride: node replica1
SELECT pg_last_wal_replay_lsn(), pg_get_wal_replay_pause_state();
SELECT pg_wal_replay_resume();
-- ride: action wait-for-replica-catchup replica1
-- ride: node replica1
\connect app_db
SELECT count(*) AS import_rows FROM orders WHERE import_batch = 'PI-1203';
