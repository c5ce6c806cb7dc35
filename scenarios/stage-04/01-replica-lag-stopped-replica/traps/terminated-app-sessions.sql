-- Tempting: "the dashboard's connections must be stuck on an old snapshot": resume replay, then kick the
-- dashboard's sessions off the replica so they reconnect. They were reading exactly what the replica had;
-- ending them only breaks the reports in flight.
-- ride: node replica1
SELECT pg_wal_replay_resume();
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sales_dashboard';
