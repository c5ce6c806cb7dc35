\connect app_db
CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO items VALUES (1, 'one');
SELECT no_such_column FROM items;
