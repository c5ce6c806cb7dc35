-- Tempting: "the shop is what customers see; its database has the marker, so the failover worked".
-- The standby is checked and promoted correctly, and the validation stops at the order database:
-- billing_db, with its own tables, writers and markers, is never looked at.
-- ride: node replica1
SELECT pg_is_in_recovery(), pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn();
-- ride: action promote-replica replica1
-- ride: node replica1
SELECT pg_is_in_recovery();
\connect app_db
SELECT marker, written_at FROM failover_markers WHERE marker = 'canary-0288';
