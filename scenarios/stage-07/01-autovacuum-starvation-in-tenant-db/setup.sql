-- Three tenants of the order service, each in its own database, same schema and the same traffic.
-- tenant_a and tenant_c are maintained by autovacuum as usual.
-- tenant_b's orders had autovacuum switched off for a bulk import months ago, and it was never switched back on;
-- since then every status change has left a dead row version behind.

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
SELECT g, (g * 7919) % 4000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute',
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 40000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
SELECT pg_stat_reset();

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
SELECT g, (g * 7919) % 4000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute',
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 40000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
SELECT pg_stat_reset();

\connect tenant_b
CREATE TABLE orders (
    id          integer     NOT NULL,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
) WITH (autovacuum_enabled = false);

-- The same 40,000 live orders as the other tenants, interleaved with 120,000 dead row versions
-- (three for every live row), which is what months of unvacuumed status changes leave behind.
-- Deleting the extra rows is the fast way to get the same physical state as that many updates.
INSERT INTO orders (id, customer_id, status, total_cents, created_at, updated_at)
SELECT CASE WHEN g % 4 = 0 THEN g / 4 ELSE 1000000 + g END,
       (g / 4 * 7919) % 4000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + (g / 4) % 5],
       (g / 4 * 37) % 100000 + 100,
       timestamptz '2026-10-01 00:00:00+00' + (g / 4) * interval '1 minute',
       timestamptz '2026-10-01 00:00:00+00' + (g / 4) * interval '1 minute'
FROM generate_series(1, 160000) AS g;
DELETE FROM orders WHERE id > 1000000;
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
-- Forget the counters of the load itself (here and above): a copy of the database made by Reset starts
-- with empty statistics too, so Start and Reset look the same.
SELECT pg_stat_reset();
