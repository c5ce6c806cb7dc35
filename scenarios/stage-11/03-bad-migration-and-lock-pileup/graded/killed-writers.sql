-- grade: detect 10, fix 0, trap 12
-- The sessions are looked at, the hung writers are "restarted". They were waiting, not blocking: their replacements
-- queue behind the same SHARE lock (no Fix), in-flight orders are lost (terminated-app-sessions), and nobody asked who
-- holds the lock or looked at the column.
SELECT application_name, state, wait_event_type, count(*) FROM pg_stat_activity GROUP BY 1, 2, 3;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'app_writer';
