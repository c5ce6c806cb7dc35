-- What search_path does the application get, and from where?
SELECT r.rolname, d.datname, s.setconfig
FROM pg_db_role_setting s
LEFT JOIN pg_roles r ON r.oid = s.setrole
LEFT JOIN pg_database d ON d.oid = s.setdatabase;

\connect app_db
-- Every table called products, with its schema, owner and privileges.
SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) AS owner, c.relacl
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = 'products' AND c.relkind = 'r';

-- Who may create objects in which schema?
SELECT nspname, pg_get_userbyid(nspowner) AS owner, nspacl FROM pg_namespace WHERE nspname IN ('public', 'app', 'bi');

-- Pin the application's path to its own schema (new sessions get it), then close the hole in public.
ALTER ROLE app_user IN DATABASE app_db SET search_path = app, pg_catalog;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
