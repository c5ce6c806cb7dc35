-- A psql user's session: expanded output for the wide console rows, the pools and the servers, the sessions on the
-- primary, the termination, and then SHOW POOLS again to see the queue drain (cl_waiting back to 0). Looking again
-- after the fix costs nothing.
-- ride: node pooler1
\x on
SHOW POOLS;
SHOW DATABASES;
SHOW SERVERS;
-- ride: node primary
\x on
SELECT * FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pid, pg_terminate_backend(pid) AS terminated
FROM pg_stat_activity
WHERE usename = 'app_user' AND application_name = 'pool_holder';
-- ride: node pooler1
SHOW POOLS;
