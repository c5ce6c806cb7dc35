-- grade: detect 40, fix 40, trap 14
-- The diagnosis is right, and KILL on the console does free the pool (pool_holder does not come back), followed by
-- RESUME so the database takes clients again. But KILL drops every client of app_db, the order worker included,
-- which was healthy: one dangerous move where a targeted termination was enough.
-- ride: node pooler1
SHOW POOLS;
SHOW SERVERS;
SHOW DATABASES;
KILL app_db;
RESUME app_db;
