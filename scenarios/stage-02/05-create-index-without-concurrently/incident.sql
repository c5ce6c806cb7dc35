-- Release 5.2 starts its migration step. The pipeline's migrate job (the migration actor, application_name
-- release_5_2_migrate, startAfterIncident: true) connects right after this script, opens the transaction it wraps
-- every release's migrations in, and runs the first one: a plain CREATE INDEX on orders(created_at) for the new
-- hourly report. The build itself finishes quickly, but its SHARE lock on orders lasts until that transaction
-- ends, and the job then sits idle in transaction waiting on the pipeline's approval gate before it commits.
-- A SHARE lock lets readers through and stops every INSERT, UPDATE and DELETE on orders. Nothing else changes.
\connect app_db
SELECT 1;
