-- The grants through a group role, the way the platform team manages access: a NOLOGIN role for the refunds page's
-- rights, granted to app_user. The role attributes and the missing grants are read first, with has_table_privilege
-- over every table and sequence of the schema.
\connect app_db
SELECT rolname, rolsuper, rolcreatedb, rolcreaterole, rolreplication FROM pg_roles WHERE rolname LIKE 'app%';
SELECT c.relname, has_table_privilege('app_user', c.oid, 'SELECT') AS can_read,
       has_table_privilege('app_user', c.oid, 'INSERT') AS can_insert
FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S') ORDER BY 1;
CREATE ROLE refunds_rw NOLOGIN;
GRANT SELECT, INSERT ON refunds TO refunds_rw;
GRANT USAGE ON SEQUENCE refunds_id_seq TO refunds_rw;
GRANT refunds_rw TO app_user;
ALTER ROLE app_user NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
