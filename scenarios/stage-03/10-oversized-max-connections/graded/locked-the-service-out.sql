-- grade: detect 40, fix 25, trap 20
-- A sound diagnosis and the surplus gone, but by taking the inventory service off the server: NOLOGIN on its
-- role, then every session ended. The pools cannot reopen their minimum and stock look-ups fail.
SHOW max_connections;
SELECT application_name, usename, state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
ALTER ROLE inventory_app NOLOGIN;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'inventory_app';
