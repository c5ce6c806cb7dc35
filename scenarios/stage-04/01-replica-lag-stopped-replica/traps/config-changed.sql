-- Tempting: "maybe someone configured a delayed standby": resume replay, then zero the apply delay in the
-- configuration and reload, changing settings that had nothing to do with the pause.
-- ride: node replica1
SELECT pg_wal_replay_resume();
ALTER SYSTEM SET recovery_min_apply_delay = 0;
SELECT pg_reload_conf();
