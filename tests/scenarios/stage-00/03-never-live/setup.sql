\connect app_db
CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three');
GRANT CONNECT ON DATABASE app_db TO app_user;
GRANT SELECT ON items TO app_user;
