\connect app_db
CREATE TABLE items (id integer PRIMARY KEY, code text NOT NULL);
INSERT INTO items SELECT g, 'code-' || g FROM generate_series(1, 20000) AS g;
ANALYZE items;
GRANT CONNECT ON DATABASE app_db TO app_user;
GRANT SELECT ON items TO app_user;
-- A per-role setting the planner reads: a cost measured in Ride's place must bring it along.
ALTER ROLE app_user IN DATABASE app_db SET random_page_cost = '1.1';
