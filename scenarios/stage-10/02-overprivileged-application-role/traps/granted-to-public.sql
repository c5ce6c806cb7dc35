-- Tempting once the demotion breaks the refunds page: "just make refunds readable and writable for everyone".
-- PUBLIC is every role on the cluster, present and future.
\connect app_db
SELECT rolname, rolsuper FROM pg_roles WHERE rolname = 'app_user';
ALTER ROLE app_user NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
GRANT SELECT, INSERT ON refunds TO PUBLIC;
GRANT USAGE ON SEQUENCE refunds_id_seq TO PUBLIC;
