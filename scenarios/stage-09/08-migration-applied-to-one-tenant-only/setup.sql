-- Three tenants of the order service, one database each, all on schema version 2.3 before the release.
-- The same orders table in each: 20,000 orders per tenant.

\connect tenant_a
CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
INSERT INTO orders (id, customer_id, status, total_cents, created_at, updated_at)
SELECT g, (g * 7919) % 3000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-05-01 00:00:00+00' + g * interval '2 minute',
       timestamptz '2026-05-01 00:00:00+00' + g * interval '2 minute'
FROM generate_series(1, 20000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;

\connect tenant_b
CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
INSERT INTO orders (id, customer_id, status, total_cents, created_at, updated_at)
SELECT g, (g * 6007) % 3000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 53) % 100000 + 100,
       timestamptz '2026-05-01 00:00:00+00' + g * interval '2 minute',
       timestamptz '2026-05-01 00:00:00+00' + g * interval '2 minute'
FROM generate_series(1, 20000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;

\connect tenant_c
CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
INSERT INTO orders (id, customer_id, status, total_cents, created_at, updated_at)
SELECT g, (g * 4513) % 3000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 71) % 100000 + 100,
       timestamptz '2026-05-01 00:00:00+00' + g * interval '2 minute',
       timestamptz '2026-05-01 00:00:00+00' + g * interval '2 minute'
FROM generate_series(1, 20000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
