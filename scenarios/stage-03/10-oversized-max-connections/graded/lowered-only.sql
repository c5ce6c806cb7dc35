-- grade: detect 40, fix 0, trap 20
-- The right diagnosis and the right durable change, but only that: the lower limit waits for a restart nobody
-- plans before the sale, and the 60 idle connections are still there tonight.
SHOW max_connections;
SELECT application_name, usename, state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
ALTER SYSTEM SET max_connections = 150;
SELECT pg_reload_conf();
