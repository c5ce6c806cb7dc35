-- grade: detect 20, fix 25, trap 15
-- Right in app_db for the table, wrong for the rule: the default privileges are looked at and redefined in the
-- default database incident, where the psql session started. Default privileges belong to one database, so app_db's
-- migrator gets nothing from it (future-tables-covered fails), the look at them there does not count, and the change
-- lands in the wrong database.
\connect app_db
SELECT relname, relacl FROM pg_class WHERE relname IN ('customers', 'new_orders');
GRANT SELECT ON new_orders TO app_user;
\connect incident
SELECT * FROM pg_default_acl;
ALTER DEFAULT PRIVILEGES FOR ROLE migrator IN SCHEMA public GRANT SELECT ON TABLES TO app_user;
