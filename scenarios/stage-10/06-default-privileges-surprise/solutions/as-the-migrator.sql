-- The same diagnosis with has_table_privilege and pg_default_acl, then the default privileges defined by the migrator
-- itself (SET ROLE migrator, no FOR ROLE needed), and the rule that never applied removed as cleanup.
\connect app_db
SELECT c.relname, pg_get_userbyid(c.relowner) AS owner, has_table_privilege('app_user', c.oid, 'SELECT') AS app_can_read
FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r';
SELECT pg_get_userbyid(defaclrole) AS for_role, defaclnamespace::regnamespace AS in_schema, defaclacl FROM pg_default_acl;
GRANT SELECT ON new_orders TO app_user;
SET ROLE migrator;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app_user;
RESET ROLE;
ALTER DEFAULT PRIVILEGES FOR ROLE platform_admin IN SCHEMA public REVOKE SELECT ON TABLES FROM app_user;
