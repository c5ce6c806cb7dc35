-- Tempting: "the server is out of connections, give it more". It only takes effect after a restart, every idle
-- backend costs memory, and the leak would fill any room it gets.
ALTER SYSTEM SET max_connections = 300;
SELECT pg_reload_conf();
