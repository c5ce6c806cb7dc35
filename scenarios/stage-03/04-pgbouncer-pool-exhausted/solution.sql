-- On PgBouncer's console: is anyone queued, how big is the pool, and who holds its server connections?
-- ride: node pooler1
SHOW POOLS;
SHOW DATABASES;
SHOW CLIENTS;
SHOW SERVERS;

-- On the primary: the same connections as PostgreSQL sees them, by application and state.
-- ride: node primary
SELECT application_name, usename, datname, state, count(*) AS sessions
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3, 4
ORDER BY sessions DESC;

-- pool_holder's idle sessions pin four of the pool's five server connections. End them: PgBouncer then drops those
-- clients and gives the server connections to the checkout requests that are queued.
SELECT pid, application_name, pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'pool_holder'
  AND usename = 'app_user'
  AND datname = 'app_db';
