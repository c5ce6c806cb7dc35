-- A psql user's session: \drds shows app_user's path in app_db ("$user", public, app), \dt *.products shows two
-- tables of that name, \dn+ shows public open to everyone. Then the path pinned and the hole closed.
\drds
\connect app_db
\dt *.products
\dn+
ALTER ROLE app_user IN DATABASE app_db SET search_path TO app, pg_catalog;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
