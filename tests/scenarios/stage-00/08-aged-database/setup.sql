\connect cold_db
CREATE TABLE ledger (id integer PRIMARY KEY, note text NOT NULL);
INSERT INTO ledger SELECT g, 'entry ' || g FROM generate_series(1, 1000) g;
\connect app_db
CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three');
