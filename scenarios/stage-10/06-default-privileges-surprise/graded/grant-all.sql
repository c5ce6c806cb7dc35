-- grade: detect 40, fix 40, trap 10
-- The whole diagnosis, then "grant it everything, sort it out later": ALL on every table and in the default
-- privileges. The application works and future tables are covered (the full Fix), but it can now write, delete and
-- truncate everywhere although it only reads (over-broad-grant).
\connect app_db
\dp
\ddp
GRANT ALL ON ALL TABLES IN SCHEMA public TO app_user;
ALTER DEFAULT PRIVILEGES FOR ROLE migrator IN SCHEMA public GRANT ALL ON TABLES TO app_user;
