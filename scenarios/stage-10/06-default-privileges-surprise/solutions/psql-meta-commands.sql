-- A psql user's session: \dp shows customers granting app_user=r and new_orders granting nothing beyond its owner,
-- \ddp shows the only default privileges belong to platform_admin. The repair: the grant back, and default
-- privileges for the role that really creates tables, here for every schema it creates tables in.
\connect app_db
\dp
\ddp
GRANT SELECT ON new_orders TO app_user;
ALTER DEFAULT PRIVILEGES FOR ROLE migrator GRANT SELECT ON TABLES TO app_user;
