-- Tempting in a security incident: "lock the account first, ask questions later". The leak stops because the
-- support desk and the refunds page stop: every new connection is refused.
\connect app_db
SELECT rolname, rolsuper, rolcanlogin FROM pg_roles WHERE rolname = 'app_user';
GRANT SELECT, INSERT ON refunds TO app_user;
GRANT USAGE ON SEQUENCE refunds_id_seq TO app_user;
ALTER ROLE app_user NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOLOGIN;
