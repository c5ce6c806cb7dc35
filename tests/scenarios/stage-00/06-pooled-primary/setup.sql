\connect app_db
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three');
CREATE TABLE events (id bigserial PRIMARY KEY, note text NOT NULL, at timestamptz NOT NULL DEFAULT now());
GRANT CONNECT ON DATABASE app_db TO app_user;
GRANT SELECT, INSERT ON items, events TO app_user;
GRANT USAGE ON SEQUENCE events_id_seq TO app_user;
