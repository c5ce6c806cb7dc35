-- Standing state: analytics_db was retired on purpose and stays closed.
COMMENT ON DATABASE analytics_db IS 'RETIRED: audit archive, closed to connections on purpose. Do not reopen without the data team.';
ALTER DATABASE analytics_db WITH ALLOW_CONNECTIONS false;

-- Tonight's weekly-reindex job closed app_db for its maintenance window, then died before restoring it.
-- Sessions that were already connected keep working; every new connection to app_db is refused.
INSERT INTO maintenance_jobs (job, target_db, started_at, status, detail)
VALUES ('weekly-reindex', 'app_db', now() - interval '4 minutes', 'failed',
        'step 1/3 done (connections paused); step 2/3 aborted: scheduler worker lost');
ALTER DATABASE app_db WITH CONNECTION LIMIT 0;
ALTER DATABASE app_db WITH ALLOW_CONNECTIONS false;
