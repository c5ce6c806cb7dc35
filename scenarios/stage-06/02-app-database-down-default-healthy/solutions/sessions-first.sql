-- Another reasonable order: first who is connected where (the fulfillment worker is in app_db,
-- the order API nowhere), then the job log, then the flags of every database with their
-- comments, then the repair. The look at the flags still comes before the change.
SELECT datname, application_name, state, count(*) FROM pg_stat_activity
WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 1, 2;
SELECT job, target_db, status, detail FROM maintenance_jobs ORDER BY started_at DESC LIMIT 5;
SELECT d.datname, d.datallowconn, d.datconnlimit, c.description
FROM pg_database d LEFT JOIN pg_shdescription c ON c.objoid = d.oid AND c.classoid = 'pg_database'::regclass
WHERE NOT d.datistemplate;
ALTER DATABASE app_db WITH ALLOW_CONNECTIONS true CONNECTION LIMIT -1;
