-- A psql user's session: \du shows app_user with Superuser, Create role, Create DB and Replication; in app_db,
-- \d customer_notes shows the policy in place and \dp shows refunds and its sequence granted to nobody but their
-- owner. Grant first, so the refunds page never fails, then demote.
\du
\connect app_db
\d customer_notes
\dp
GRANT SELECT, INSERT ON TABLE refunds TO app_user;
GRANT USAGE ON SEQUENCE refunds_id_seq TO app_user;
ALTER USER app_user WITH NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
