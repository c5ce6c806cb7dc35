-- Tempting: "autovacuum cannot keep up, make it more aggressive everywhere", typed from the
-- tenant_b session the investigation ended in. The server settings were never the problem,
-- and the table override still wins.
\connect tenant_b
ALTER SYSTEM SET autovacuum_vacuum_scale_factor = 0.01;
SELECT pg_reload_conf();
