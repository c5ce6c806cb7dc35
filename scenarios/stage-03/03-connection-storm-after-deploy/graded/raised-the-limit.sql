-- grade: detect 10, fix 0, trap 12
-- The symptom treatment: count the sessions, compare with max_connections, raise the limit. Who holds the
-- slots and when they arrived was never looked at; max_connections needs a restart, so nothing changes.
SELECT count(*) FROM pg_stat_activity;
SHOW max_connections;
ALTER SYSTEM SET max_connections = 150;
SELECT pg_reload_conf();
