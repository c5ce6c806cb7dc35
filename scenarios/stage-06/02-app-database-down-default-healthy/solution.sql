-- Which databases accept new connections?
SELECT datname, datallowconn, datconnlimit, shobj_description(oid, 'pg_database') AS comment
FROM pg_database
WHERE datname NOT LIKE 'ride%'
ORDER BY datname;

-- Who is connected where (the order API itself never appears: it cannot get in)?
SELECT datname, application_name, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY 1, 2;

-- What ran against app_db?
SELECT job, target_db, started_at, status, detail FROM maintenance_jobs ORDER BY started_at;

-- Finish what the failed job should have done: reopen app_db (and only app_db).
ALTER DATABASE app_db WITH ALLOW_CONNECTIONS true CONNECTION LIMIT -1;
