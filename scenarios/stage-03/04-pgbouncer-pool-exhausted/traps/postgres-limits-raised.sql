-- Tempting: "clients are waiting for connections, so give the database more of them". PostgreSQL has dozens of free
-- slots: the limit the clients wait on is PgBouncer's pool, and the setting would need a restart anyway.
-- ride: node pooler1
SHOW POOLS;
-- ride: node primary
SHOW max_connections;
ALTER SYSTEM SET max_connections = 400;
SELECT pg_reload_conf();
