-- grade: detect 0, fix 0, trap 15
-- "Connections are refused, so the server is full": a bare session count, the server's limit,
-- and max_connections raised. The server was far from its limit and the refusal came from one
-- database's flags, which were never looked at. Nothing is fixed, and a server-wide limit is
-- raised (the catalog's global-setting-raised trap).
SELECT count(*) FROM pg_stat_activity;
SHOW max_connections;
ALTER SYSTEM SET max_connections = 400;
SELECT pg_reload_conf();
