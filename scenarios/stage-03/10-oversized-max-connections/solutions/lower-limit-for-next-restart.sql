-- The same shedding, plus the durable half written down for the next planned restart: ALTER SYSTEM lowers the
-- limit in postgresql.auto.conf, and pg_settings shows it pending until the server restarts. Nobody restarts
-- the server now: that would end every session in the middle of the day.
SELECT name, setting, source FROM pg_settings WHERE name IN ('max_connections', 'superuser_reserved_connections');
SELECT application_name, state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2 ORDER BY 3 DESC;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inventory_api' AND state = 'idle';
ALTER SYSTEM SET max_connections = 200;
SELECT pg_reload_conf();
SELECT name, setting, pending_restart FROM pg_settings WHERE name = 'max_connections';
