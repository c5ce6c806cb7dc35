-- The attributes from pg_roles and the grants from information_schema, then the demotion and the grants in one
-- transaction: the application sees either the old role or the finished repair, never a role without its grants.
SELECT rolname, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = 'app_user';
\connect app_db
SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'app_user' ORDER BY 1, 2;
BEGIN;
ALTER ROLE app_user NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
GRANT SELECT, INSERT ON refunds TO app_user;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO app_user;
COMMIT;
