-- Start from the database: how full is the server really, and who is connected, by application and state? The
-- server has room to spare, so the queue must be in the pooler; SHOW POOLS confirms it. Then end the idle tool.
SELECT count(*) AS client_backends, current_setting('max_connections') AS max_connections
FROM pg_stat_activity WHERE backend_type = 'client backend';
SELECT application_name, usename, datname, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY application_name, usename, datname, state
ORDER BY count(*) DESC;
-- ride: node pooler1
SHOW POOLS;
SHOW CLIENTS;
-- ride: node primary
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pool_holder';
