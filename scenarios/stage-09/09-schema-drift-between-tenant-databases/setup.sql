-- Three tenants of the order service, one database each, on the shared cluster.
-- Size: 20,000 orders per tenant: enough for realistic order pages, and setup stays well under a second. The fault
-- is in the schema and the migration ledger, not in the data volume.
-- Migration history: 0502 created orders, 0531 added release_id, 0603 added shipped_at. tenant_b was in its
-- maintenance window (a restore drill) when 0531 ran, and the runner skipped it with a warning nobody read; 0603 ran
-- everywhere a few days later. So tenant_b has shipped_at and 0603 in its ledger, but neither release_id nor 0531.

\connect tenant_a
CREATE TABLE schema_migrations (
    version    text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
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
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260502_create_orders', timestamptz '2026-05-02 09:00:00+00');
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260531_add_order_release_id', timestamptz '2026-05-31 22:10:00+00');
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260603_add_order_shipped_at', timestamptz '2026-06-03 21:45:00+00');
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;

\connect tenant_b
CREATE TABLE schema_migrations (
    version    text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
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
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260502_create_orders', timestamptz '2026-05-02 09:00:00+00');
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260603_add_order_shipped_at', timestamptz '2026-06-03 21:45:00+00');
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;

\connect tenant_c
CREATE TABLE schema_migrations (
    version    text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
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
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260502_create_orders', timestamptz '2026-05-02 09:00:00+00');
ALTER TABLE orders ADD COLUMN release_id text;
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260531_add_order_release_id', timestamptz '2026-05-31 22:10:00+00');
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
INSERT INTO schema_migrations (version, applied_at) VALUES ('20260603_add_order_shipped_at', timestamptz '2026-06-03 21:45:00+00');
VACUUM ANALYZE orders;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;
