\connect app_db

-- What ran last, and what can the app read?
SELECT version, applied_at FROM schema_migrations ORDER BY applied_at;

SELECT c.relname, pg_get_userbyid(c.relowner) AS owner, c.relacl,
       has_table_privilege('app_user', c.oid, 'SELECT') AS app_can_read
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
ORDER BY c.relname;

-- Which default privileges exist, and for which creating role?
SELECT pg_get_userbyid(d.defaclrole) AS for_role, d.defaclnamespace::regnamespace AS in_schema,
       d.defaclobjtype, d.defaclacl
FROM pg_default_acl d;

-- Give the app back exactly what it had: read access to the rebuilt table...
GRANT SELECT ON new_orders TO app_user;

-- ...and make the next table the migrator creates readable by the app as well.
ALTER DEFAULT PRIVILEGES FOR ROLE migrator IN SCHEMA public GRANT SELECT ON TABLES TO app_user;
