-- The order service's database as it was before release 2.0's migration.
\connect app_db

CREATE TABLE orders (
    id            integer PRIMARY KEY,
    customer_id   integer     NOT NULL,
    status        text        NOT NULL,
    legacy_status text,
    total_cents   integer     NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Release 1.9 introduced status and kept legacy_status in step with it (the "expand" step).
INSERT INTO orders (id, customer_id, status, legacy_status, total_cents, created_at, updated_at)
SELECT g,
       (g * 7919) % 5000 + 1,
       s.status,
       s.status,
       (g * 37) % 100000 + 100,
       timestamptz '2026-11-01 00:00:00+00' + g * interval '1 minute',
       timestamptz '2026-11-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 40000) AS g
CROSS JOIN LATERAL (SELECT (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5] AS status) AS s;

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ANALYZE orders;

GRANT CONNECT ON DATABASE app_db TO app_user;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
