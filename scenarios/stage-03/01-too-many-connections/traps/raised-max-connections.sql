-- Tempting: "the server is out of connections, give it more" (needs a restart, and every idle backend costs memory).
ALTER SYSTEM SET max_connections = 500;
SELECT pg_reload_conf();
