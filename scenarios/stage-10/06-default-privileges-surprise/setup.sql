-- The order service's database. Tables are created by the `migrator` role (the deploy pipeline's migration
-- step); the application connects as `app_user` and only reads.
\connect app_db

GRANT CONNECT ON DATABASE app_db TO app_user, migrator;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT USAGE, CREATE ON SCHEMA public TO migrator;

SET ROLE migrator;

CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL);

CREATE TABLE customers (
    id    integer PRIMARY KEY,
    name  text NOT NULL,
    email text NOT NULL
);
INSERT INTO customers
SELECT g, 'customer ' || g, 'customer' || g || '@example.test'
FROM generate_series(1, 2000) AS g;

CREATE TABLE new_orders (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL
);
INSERT INTO new_orders
SELECT g,
       (g * 7919) % 2000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-11-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 20000) AS g;
CREATE INDEX new_orders_customer_id_idx ON new_orders (customer_id);

-- Until last week every migration ended with explicit grants like these.
GRANT SELECT ON customers, new_orders TO app_user;

INSERT INTO schema_migrations VALUES
    ('0039_customers', now() - interval '90 days'),
    ('0040_new_orders', now() - interval '30 days'),
    ('0041_grants_for_app_user', now() - interval '30 days');

RESET ROLE;
ANALYZE customers;
ANALYZE new_orders;

-- Last week's clean-up: "stop writing GRANTs in every migration, use default privileges instead".
-- It was run by the platform team's admin role, without FOR ROLE migrator, so it only covers tables that
-- platform_admin creates, and platform_admin creates none.
ALTER DEFAULT PRIVILEGES FOR ROLE platform_admin IN SCHEMA public GRANT SELECT ON TABLES TO app_user;
