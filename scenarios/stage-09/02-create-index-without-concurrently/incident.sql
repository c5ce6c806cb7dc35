-- Deploy 3.7 of the accounts service. Its migration runner (the migration actor, application_name migration_runner,
-- startAfterIncident: true) connects right after this script and runs the release's one migration the way the
-- framework runs every migration: in a transaction, the statement first, then the ledger row. The statement is a
-- plain CREATE INDEX on orders(user_id) for the account page. The build finishes quickly, but before the runner can
-- COMMIT, the deploy pod's node is drained: the pod is gone, its TCP connection is not closed, and the server keeps
-- the session idle in transaction, with the SHARE lock on orders the build took. Reads pass a SHARE lock; every
-- INSERT, UPDATE and DELETE on orders waits for it. Nothing else changes.
\connect app_db
SELECT 1;
