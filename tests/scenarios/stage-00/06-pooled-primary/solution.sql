-- ride: node pooler1
SHOW POOLS;
-- ride: node primary
\connect app_db
GRANT INSERT ON events TO app_user;
