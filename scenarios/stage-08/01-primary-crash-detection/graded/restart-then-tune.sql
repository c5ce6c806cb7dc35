-- grade: detect 40, fix 40, trap 16
-- Diagnosed properly and restarted, then a configuration change "so the replica notices sooner next time".
-- The cluster recovers, but the change was made in the middle of an incident for a cause it does not
-- address, and it costs the configuration trap (4 points).
-- ride: node replica1
SELECT pg_is_in_recovery();
SELECT status, sender_host FROM pg_stat_wal_receiver;
-- ride: action start-primary
-- ride: node primary
ALTER SYSTEM SET wal_sender_timeout = '10s';
SELECT pg_reload_conf();
