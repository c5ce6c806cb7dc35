-- Tempting: "the storefront can't get a connection, give the server more". It needs a restart, and with checkout
-- still slow the retries would fill any room.
SELECT count(*) FROM pg_stat_activity;
ALTER SYSTEM SET max_connections = 300;
SELECT pg_reload_conf();
