-- An operator at the psql prompt on replica1: describe the marker table, read the tail of it in each
-- database, ask for the replication view, promote, and read the markers once more on the new primary.
-- ride: node replica1
SELECT status, received_tli, latest_end_lsn FROM pg_stat_wal_receiver;
SELECT pg_last_xact_replay_timestamp(), now() - pg_last_xact_replay_timestamp() AS since_last_commit;
\connect app_db
\d failover_markers
TABLE failover_markers ORDER BY id DESC LIMIT 2;
-- ride: action promote-replica replica1
-- ride: node replica1
SELECT pg_is_in_recovery(), current_setting('transaction_read_only') AS read_only;
\connect app_db
SELECT * FROM failover_markers WHERE id = 288;
\connect billing_db
SELECT * FROM failover_markers WHERE id = 288;
