-- grade: detect 10, fix 0, trap 12
-- The symptom treatment the old checks gave full Detect for: count the sessions, compare with
-- max_connections, raise the limit. Only the saturation was confirmed (10); which service holds
-- the slots, and that they are idle, was never looked at. max_connections needs a restart, so
-- nothing changes, and if it did the pool would grow into the room. The drill's own trap on
-- server-wide limits is sprung.
SELECT count(*) FROM pg_stat_activity;
SHOW max_connections;
ALTER SYSTEM SET max_connections = 200;
SELECT pg_reload_conf();
