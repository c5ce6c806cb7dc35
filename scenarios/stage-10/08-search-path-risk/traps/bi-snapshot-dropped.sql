-- Tempting: "an impostor table is hiding ours, get rid of it". The path gets fixed too, but the snapshot is the BI
-- team's data and the finance dashboard reads it; once the application's path is fixed it harms nobody.
SELECT setrole::regrole, setconfig FROM pg_db_role_setting;
\connect app_db
\dt *.products
ALTER ROLE app_user IN DATABASE app_db SET search_path = app, pg_catalog;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DROP TABLE public.products;
