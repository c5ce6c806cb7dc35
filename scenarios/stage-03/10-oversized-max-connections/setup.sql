-- The shop's database: stock levels read by the inventory service, orders read and updated by the storefront
-- and the order worker.
\connect app_db

CREATE TABLE stock (
    sku         integer PRIMARY KEY,
    warehouse   text    NOT NULL,
    on_hand     integer NOT NULL,
    reserved    integer NOT NULL
);

INSERT INTO stock (sku, warehouse, on_hand, reserved)
SELECT g,
       (ARRAY['ams', 'fra', 'dub', 'waw'])[1 + g % 4],
       (g * 17) % 500,
       (g * 7) % 20
FROM generate_series(1, 5000) AS g;

CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    sku         integer     NOT NULL REFERENCES stock (sku),
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

INSERT INTO orders (id, customer_id, sku, status, total_cents, created_at, updated_at)
SELECT g,
       (g * 7919) % 2000 + 1,
       (g * 31) % 5000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minutes',
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minutes'
FROM generate_series(1, 20000) AS g;

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ANALYZE stock, orders;

GRANT CONNECT ON DATABASE app_db TO app_user, inventory_app;
GRANT USAGE ON SCHEMA public TO app_user, inventory_app;
GRANT SELECT, UPDATE ON orders TO app_user;
GRANT SELECT ON stock TO app_user, inventory_app;
