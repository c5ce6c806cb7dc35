-- grade: detect 40, fix 30, trap 20
-- The right diagnosis and the application's path pinned, so the shop works again; but schema public stays open to
-- every role, which is how the impostor got there (public-schema-closed).
SELECT setrole::regrole, setdatabase, setconfig FROM pg_db_role_setting;
\connect app_db
\dt *.products
ALTER ROLE app_user IN DATABASE app_db SET search_path = app, pg_catalog;
