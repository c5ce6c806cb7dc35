-- grade: detect 40, fix 40, trap 15
-- A complete investigation and the right repair, then "finish what the job started" during
-- the business day: even done CONCURRENTLY, rebuilding orders' indexes is a change inside
-- app_db that the outage did not need, and it competes with the fulfillment worker for I/O.
-- One move in the wrong place (the catalog's wrong-database trap).
SELECT datname, datallowconn, datconnlimit FROM pg_database WHERE datname NOT LIKE 'ride%';
SELECT job, target_db, status, detail FROM maintenance_jobs ORDER BY started_at;
ALTER DATABASE app_db WITH ALLOW_CONNECTIONS true CONNECTION LIMIT -1;
\connect app_db
REINDEX TABLE CONCURRENTLY orders;
