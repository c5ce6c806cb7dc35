-- Everything from PgBouncer's console first: the queue, the pool size, and the server connections with the clients
-- they belong to (SHOW SERVERS' remote_pid is the backend pid on the primary). Then the same backends on the primary,
-- looked up by backend pid and ended; a file cannot carry today's pids, so it selects them by what the console showed.
-- ride: node pooler1
SHOW POOLS;
SHOW CONFIG;
SHOW SERVERS;
SHOW CLIENTS;
-- ride: node primary
\connect app_db
SELECT pid, application_name, state, backend_start, state_change
FROM pg_stat_activity
WHERE datname = 'app_db' AND usename = 'app_user'
ORDER BY backend_start;
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = current_database()
  AND application_name = 'pool_holder'
  AND state = 'idle';
