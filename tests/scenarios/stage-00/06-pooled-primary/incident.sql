\connect app_db
REVOKE INSERT ON events FROM app_user;
