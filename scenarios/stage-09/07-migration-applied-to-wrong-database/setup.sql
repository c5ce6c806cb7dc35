-- The order service's database and the analytics team's database on the same cluster. analytics_db holds a
-- nightly copy of orders (same table name, same columns) for the revenue reports, and both databases keep their
-- own migration ledger, schema_migrations.
\connect app_db
CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL);
INSERT INTO schema_migrations VALUES
    ('0029_orders', timestamptz '2026-09-01 10:00:00+00'),
    ('0030_orders_updated_at', timestamptz '2026-10-15 10:00:00+00');

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
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minute',
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minute'
FROM generate_series(1, 20000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
GRANT SELECT ON schema_migrations TO app_user;

\connect analytics_db
CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL);
INSERT INTO schema_migrations VALUES
    ('a0011_orders_copy', timestamptz '2026-09-03 08:00:00+00'),
    ('a0012_daily_revenue', timestamptz '2026-10-01 08:00:00+00');

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
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minute',
       timestamptz '2026-11-01 00:00:00+00' + g * interval '2 minute'
FROM generate_series(1, 20000) AS g;
CREATE INDEX orders_created_at_idx ON orders (created_at);
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO analytics_user;
GRANT SELECT ON orders, schema_migrations TO analytics_user;
