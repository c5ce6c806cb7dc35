-- Tempting: "clear out the old archived files to make room" from psql, through the server's shell. Here the find
-- matches nothing (no file is ten hours old), but the move is the same: every file there is WAL that has not reached
-- object storage yet. The backfill is stopped too, which is the real fix.
SELECT archived_count, failed_count FROM pg_stat_archiver;
SELECT pid, application_name, state FROM pg_stat_activity WHERE datname = 'app_db';
COPY (SELECT 1) TO PROGRAM 'find /ride/archive -type f -mmin +600 -delete';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'events_backfill';
