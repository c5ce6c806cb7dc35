-- Tempting: "connections are refused, raise the limit" (the server is nowhere near max_connections).
ALTER SYSTEM SET max_connections = 400;
SELECT pg_reload_conf();
