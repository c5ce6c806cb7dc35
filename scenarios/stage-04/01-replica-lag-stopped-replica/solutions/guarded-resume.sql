-- A careful runbook step: read the lag and the pause state, then resume only if replay is really paused,
-- so the same file is safe to run against a replica that is merely slow.
SELECT application_name, sent_lsn, replay_lsn, replay_lag FROM pg_stat_replication;
-- ride: node replica1
SELECT now() - pg_last_xact_replay_timestamp() AS replay_age, pg_is_wal_replay_paused() AS paused;
DO $$
BEGIN
    IF pg_is_wal_replay_paused() THEN
        PERFORM pg_wal_replay_resume();
    END IF;
END
$$;
