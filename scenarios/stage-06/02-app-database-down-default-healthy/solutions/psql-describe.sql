-- A psql user's session: \l+ for the databases and their comments (analytics_db says RETIRED),
-- SELECT * from pg_database for the flags \l does not show, the job log filtered to app_db,
-- then the reopening.
\l+
SELECT * FROM pg_database;
SELECT job, started_at, finished_at, status, detail FROM maintenance_jobs WHERE target_db = 'app_db' ORDER BY started_at DESC;
ALTER DATABASE app_db WITH CONNECTION LIMIT -1 ALLOW_CONNECTIONS true;
