-- A runbook query that states the verdict in one row: a standby still in recovery with no streaming
-- WAL receiver means "the primary is down, the replica is fine". The runbook's answer to that row is a
-- restart, not a failover.
-- ride: node replica1
SELECT CASE
         WHEN NOT pg_is_in_recovery() THEN 'replica1 is no longer a standby'
         WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 'replica1 is streaming normally'
         ELSE 'replica1 is a healthy standby without an upstream: check the primary'
       END AS verdict;
-- ride: action start-primary
