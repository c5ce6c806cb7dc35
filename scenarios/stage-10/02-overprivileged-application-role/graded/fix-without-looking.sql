-- grade: detect 0, fix 40, trap 20
-- The runbook's repair typed straight in, grants included, with no look at the role or its privileges first: it
-- works, but nothing shows how the operator knew what to change.
\connect app_db
GRANT SELECT, INSERT ON refunds TO app_user;
GRANT USAGE ON SEQUENCE refunds_id_seq TO app_user;
ALTER ROLE app_user NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
