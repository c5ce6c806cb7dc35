-- The shop's database behind the pooler: the orders that checkout reads, the order worker updates and the
-- reporting job sums up.
\connect app_db

CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

INSERT INTO orders (id, customer_id, status, total_cents, created_at, updated_at)
SELECT g,
       (g * 7919) % 2000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minutes',
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minutes'
FROM generate_series(1, 10000) AS g;

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ANALYZE orders;

GRANT CONNECT ON DATABASE app_db TO app_user, reporting;
GRANT USAGE ON SCHEMA public TO app_user, reporting;
GRANT SELECT, UPDATE ON orders TO app_user;
GRANT SELECT ON orders TO reporting;
