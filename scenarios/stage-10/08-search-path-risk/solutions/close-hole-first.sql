-- The hole closed first, so nobody can add another impostor while the path is being fixed; information_schema and
-- pg_roles.rolconfig for the investigation. The application's path keeps public, but after its own schema and with
-- public closed, which resolves the same way.
SELECT rolname, rolconfig FROM pg_roles WHERE rolname = 'app_user';
\connect app_db
SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_name = 'products';
SELECT s.setconfig FROM pg_db_role_setting s WHERE s.setrole = 'app_user'::regrole;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER ROLE app_user IN DATABASE app_db SET search_path = app, public;
