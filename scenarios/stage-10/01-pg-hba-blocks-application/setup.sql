-- The shop before the access change: an orders table in app_db that the checkout service (app_user) and the
-- reporting job (reporting) both read, and nothing unusual about either role.
\connect app_db
CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL
);
INSERT INTO orders (id, customer_id, status, total_cents, created_at)
SELECT g,
       (g * 7919) % 2000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered'])[1 + g % 4],
       500 + (g * 37) % 20000,
       timestamptz '2026-11-01 00:00:00+00' + (g * interval '97 seconds')
FROM generate_series(1, 10000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ANALYZE orders;
GRANT SELECT ON orders TO app_user, reporting;
