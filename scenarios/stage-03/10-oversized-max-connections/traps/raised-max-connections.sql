-- Tempting: "a thousand was enough last time, the sale needs more headroom". More slots only let the pools grow
-- further, and every backend costs memory the host does not have.
SHOW max_connections;
ALTER SYSTEM SET max_connections = 2000;
SELECT pg_reload_conf();
