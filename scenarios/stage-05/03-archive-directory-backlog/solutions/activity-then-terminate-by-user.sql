-- From the sessions' side: everything pg_stat_activity knows (SELECT *), the archiver's counters, then the
-- backfill's backend ended by its role and application, and the archiver looked at again to see the growth stop.
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT * FROM pg_stat_archiver;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'data_eng' AND application_name = 'events_backfill';
SELECT archived_count, last_archived_wal, failed_count FROM pg_stat_archiver;
