-- A runbook failover: look at the standby, let it replay everything it received, fence the old primary so it can never come back as a second
-- primary (here its host is already gone, so fencing changes nothing, but the runbook does not have to
-- know that), promote, and validate every application database.
-- ride: node replica1
SELECT pg_is_in_recovery();
SELECT * FROM pg_stat_wal_receiver;
SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS replay_caught_up;
-- ride: action wait-for-replica-catchup
-- ride: action fence-old-primary
-- ride: action promote-replica
-- After the promotion SQL without a node directive goes to the new primary.
SELECT pg_is_in_recovery();
\connect app_db
SELECT count(*) FILTER (WHERE marker = 'canary-0288') AS last_round_present, max(id) AS newest FROM failover_markers;
\connect billing_db
SELECT count(*) FILTER (WHERE marker = 'canary-0288') AS last_round_present, max(id) AS newest FROM failover_markers;
