-- grade: detect 0, fix 40, trap 20
-- The textbook repair typed in without a look at the path or the tables first: it works, but nothing shows how the
-- operator knew what to change.
\connect app_db
ALTER ROLE app_user IN DATABASE app_db SET search_path = app, pg_catalog;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
