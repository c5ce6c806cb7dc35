-- The shop's database: one orders table shared by the API, the storefront and the back-office workers.
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
       timestamptz '2026-11-01 00:00:00+00' + g * interval '1 minute',
       timestamptz '2026-11-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 20000) AS g;

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ANALYZE orders;

-- A small record of what was deployed when: the on-call can see what changed.
CREATE TABLE deploys (
    id          serial PRIMARY KEY,
    service     text        NOT NULL,
    version     text        NOT NULL,
    deployed_at timestamptz NOT NULL,
    notes       text
);
INSERT INTO deploys (service, version, deployed_at, notes) VALUES
    ('storefront', '12.4.0', now() - interval '6 days', 'checkout copy changes'),
    ('order-worker', '3.9.1', now() - interval '3 days', 'retry backoff for payment callbacks'),
    ('api', '6.8.2', now() - interval '2 days', 'pagination fix on /orders');

GRANT CONNECT ON DATABASE app_db TO app_user, api_worker;
GRANT USAGE ON SCHEMA public TO app_user, api_worker;
GRANT SELECT, UPDATE ON orders TO app_user;
GRANT SELECT ON orders TO api_worker;
GRANT SELECT ON deploys TO app_user, api_worker;
