-- Check the data before trusting the node: the last acknowledged canary round must already be on the
-- standby in both databases, and its replay must have applied everything it received. Then promote, and
-- prove the new primary takes writes in both databases by writing the next canary round by hand.
-- ride: node replica1
\connect app_db
SELECT marker, written_at FROM failover_markers ORDER BY id DESC LIMIT 1;
\connect billing_db
SELECT marker, written_at FROM failover_markers ORDER BY id DESC LIMIT 1;
SELECT pg_is_in_recovery() AS standby,
       pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS bytes_not_replayed,
       pg_last_xact_replay_timestamp() AS last_commit_replayed;
-- ride: action promote-replica replica1
-- ride: node replica1
\connect app_db
INSERT INTO failover_markers (id, marker) VALUES (289, 'canary-0289');
SELECT id, marker FROM failover_markers WHERE id >= 288 ORDER BY id;
\connect billing_db
INSERT INTO failover_markers (id, marker) VALUES (289, 'canary-0289');
SELECT id, marker FROM failover_markers WHERE id >= 288 ORDER BY id;
SELECT pg_is_in_recovery();
