-- Tempting: "grant it everything on everything, sort it out later" (the app only reads).
\connect app_db
GRANT ALL ON ALL TABLES IN SCHEMA public TO app_user;
