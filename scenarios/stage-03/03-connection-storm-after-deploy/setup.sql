-- The shop's database: products and orders, read by the storefront and checkout, updated by the order worker.
\connect app_db

CREATE TABLE products (
    id          integer PRIMARY KEY,
    name        text    NOT NULL,
    category    text    NOT NULL,
    price_cents integer NOT NULL
);

INSERT INTO products (id, name, category, price_cents)
SELECT g,
       'product ' || g,
       (ARRAY['books', 'garden', 'kitchen', 'toys', 'outdoor', 'office', 'music', 'sports'])[1 + g % 8],
       (g * 53) % 20000 + 199
FROM generate_series(1, 2000) AS g;

CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    product_id  integer     NOT NULL REFERENCES products (id),
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

INSERT INTO orders (id, customer_id, product_id, status, total_cents, created_at, updated_at)
SELECT g,
       (g * 7919) % 2000 + 1,
       (g * 31) % 2000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-11-01 00:00:00+00' + g * interval '90 seconds',
       timestamptz '2026-11-01 00:00:00+00' + g * interval '90 seconds'
FROM generate_series(1, 20000) AS g;

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ANALYZE products, orders;

-- Every service of the shop logs in as app_user, the new release's workers included.
GRANT CONNECT ON DATABASE app_db TO app_user;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT ON products TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
