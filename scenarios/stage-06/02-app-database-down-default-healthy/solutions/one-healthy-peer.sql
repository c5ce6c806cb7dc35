-- A comparison with one healthy peer is enough: app_db against the default database, which the
-- health probe uses and which works. The job log (TABLE is a read) says what closed app_db,
-- and the repair is done in two statements instead of one. analytics_db is never looked at,
-- and never touched.
SELECT datname, datallowconn, datconnlimit FROM pg_database WHERE datname IN ('app_db', 'incident');
TABLE maintenance_jobs;
ALTER DATABASE app_db ALLOW_CONNECTIONS true;
ALTER DATABASE app_db CONNECTION LIMIT -1;
