-- The replica is fine and still in recovery: its upstream is what went away.
-- ride: node replica1
SELECT pg_is_in_recovery(), status FROM pg_stat_wal_receiver;
-- The primary only stopped: start it again on its data.
-- ride: action start-primary
