-- Three tenants of the order service, one database each. tenant_a and tenant_c are the old tenants: a year ago
-- their orders table got external_id by hand (a hotfix for the marketplace integration, never written as a
-- migration). tenant_b was provisioned last month by replaying the migration scripts, so it never got it.
-- 20,000 orders per tenant; the first 5,000 orders of the old tenants already carry a marketplace id.

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
-- The hotfix, run by hand on this tenant.
ALTER TABLE orders ADD COLUMN external_id text;
UPDATE orders SET external_id = 'mp-a-' || id WHERE id <= 5000;
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
       timestamptz '2026-10-01 00:00:00+00' + g * interval '2 minute',
       timestamptz '2026-10-01 00:00:00+00' + g * interval '2 minute'
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
-- The same hotfix, run by hand on this tenant too.
ALTER TABLE orders ADD COLUMN external_id text;
UPDATE orders SET external_id = 'mp-c-' || id WHERE id <= 5000;
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
