-- grade: detect 0, fix 40, trap 20
-- "Something from the maintenance job again": its sessions are ended on a hunch, nothing looked at first. It is the
-- right move, so the shop recovers; nobody confirmed what the queries were waiting for.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nightly_maintenance';
