-- Tempting in a security incident: "the account is compromised, rotate it: drop it and create a clean one".
-- DROP OWNED takes every grant with it, the new role has a new password nobody deployed, and the application
-- cannot log in again once its connections recycle.
\connect app_db
SELECT rolname, rolsuper FROM pg_roles WHERE rolname = 'app_user';
DROP OWNED BY app_user;
\connect incident
DROP OWNED BY app_user;
DROP ROLE app_user;
CREATE ROLE app_user LOGIN;
\connect app_db
GRANT CONNECT ON DATABASE app_db TO app_user;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT ON customers, customer_notes TO app_user;
GRANT SELECT, INSERT ON refunds TO app_user;
GRANT USAGE ON SEQUENCE refunds_id_seq TO app_user;
