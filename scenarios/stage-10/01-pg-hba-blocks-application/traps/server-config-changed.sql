-- Tempting: "connections are failing, the server must be out of slots": raise max_connections. It only takes
-- effect at a restart, the server had room to spare, and the refusal has nothing to do with capacity.
SELECT count(*) FROM pg_stat_activity;
ALTER SYSTEM SET max_connections = 300;
SELECT pg_reload_conf();
