-- Tempting: "replication broke, tighten the timeouts". The primary is started, which is the fix, and
-- then a replication setting is changed and reloaded, as if configuration had caused a stopped server.
-- ride: action start-primary
ALTER SYSTEM SET wal_sender_timeout = '10s';
SELECT pg_reload_conf();
