-- grade: detect 40, fix 0, trap 20
-- The right writer is found, and its statement is cancelled. But the backfill is a loop: the next batch starts a
-- quarter of a second later, on the same connection, and the staging area keeps filling.
SELECT archived_count, failed_count FROM pg_stat_archiver;
SELECT pid, application_name, state, left(query, 60) FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'events_backfill';
