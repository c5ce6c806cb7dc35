-- Who does the support desk connect as, and what is that role allowed to do?
SELECT application_name, usename, datname, state, count(*)
FROM pg_stat_activity WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3, 4 ORDER BY 1;

SELECT rolname, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin
FROM pg_roles WHERE rolname IN ('app_user', 'migrator') ORDER BY rolname;

\connect app_db
-- The policy is intact; it simply does not apply to a superuser.
SELECT tablename, policyname, qual FROM pg_policies;

-- What app_user can use through grants, table by table: refunds was never granted.
SELECT c.relname, c.relkind, c.relacl,
       has_table_privilege('app_user', c.oid, 'SELECT') AS can_read
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S')
ORDER BY c.relname;

-- Grant the refunds page what it uses, then take the powers away: app_user keeps working throughout.
GRANT SELECT, INSERT ON refunds TO app_user;
GRANT USAGE ON SEQUENCE refunds_id_seq TO app_user;
ALTER ROLE app_user NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
