-- grade: detect 40, fix 10, trap 20
-- The right diagnosis, but the path is set for app_user in every database. A setting for the role in one
-- database wins over the role-wide one, so the application keeps "$user", public, app in app_db and still reads the
-- snapshot. Only the REVOKE counts.
SELECT rolname, rolconfig FROM pg_roles WHERE rolname = 'app_user';
SELECT setdatabase, setconfig FROM pg_db_role_setting WHERE setrole = 'app_user'::regrole;
\connect app_db
SELECT schemaname, tablename, tableowner FROM pg_tables WHERE tablename = 'products';
ALTER ROLE app_user SET search_path = app, pg_catalog;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
