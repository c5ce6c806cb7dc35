-- Service first, then the cause: information_schema shows which tables app_user may read, the grant goes back at
-- once, and only then the default privileges are read and fixed. Each look still comes before the change it decides.
\connect app_db
SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'app_user';
GRANT SELECT ON TABLE public.new_orders TO app_user;
SELECT d.defaclrole::regrole, d.defaclnamespace::regnamespace, d.defaclobjtype, d.defaclacl FROM pg_default_acl d;
ALTER DEFAULT PRIVILEGES FOR ROLE migrator IN SCHEMA public GRANT SELECT ON TABLES TO app_user;
