-- grade: detect 0, fix 40, trap 20
-- "The mobile team started a job, so kill the job": the right sessions, ended on a hunch, with nothing looked at
-- first. It works, but nobody learned that the job was queueing on one row, or why.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'claims_importer';
