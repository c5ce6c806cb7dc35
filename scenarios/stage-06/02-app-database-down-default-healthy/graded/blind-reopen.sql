-- grade: detect 0, fix 40, trap 20
-- The right statement from a guess ("maintenance night, the job must have left it closed"),
-- with nothing looked at first: the fix earns its points, the diagnosis none.
ALTER DATABASE app_db WITH ALLOW_CONNECTIONS true CONNECTION LIMIT -1;
