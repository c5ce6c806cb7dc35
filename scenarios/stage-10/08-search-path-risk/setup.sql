-- The shop's database. The application's tables live in schema `app`, owned by `migrator`; the application
-- connects as `app_user`. The BI team's loader (`bi_loader`) reads the price list for the finance dashboard.
-- The cluster was upgraded from an old major version, so schema public still carries the old default: every
-- role may create objects in it.
\connect app_db

GRANT CONNECT ON DATABASE app_db TO app_user, migrator, bi_loader;
GRANT CREATE ON SCHEMA public TO PUBLIC;

CREATE SCHEMA app AUTHORIZATION migrator;
CREATE SCHEMA bi AUTHORIZATION bi_loader;
GRANT USAGE ON SCHEMA app TO app_user, bi_loader;

SET ROLE migrator;
CREATE TABLE app.products (
    id          integer PRIMARY KEY,
    name        text    NOT NULL,
    price_cents integer NOT NULL,
    active      boolean NOT NULL
);
INSERT INTO app.products
SELECT g, 'product ' || g, 500 + (g * 37) % 20000, g % 50 <> 0
FROM generate_series(1, 2000) AS g;

CREATE TABLE app.orders (
    id          bigserial   PRIMARY KEY,
    product_id  integer     NOT NULL REFERENCES app.products (id),
    price_cents integer     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO app.orders (product_id, price_cents, created_at)
SELECT p, 500 + (p * 37) % 20000, timestamptz '2026-11-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 20000) AS g
CROSS JOIN LATERAL (SELECT (g * 7919) % 2000 + 1 AS p) AS x;

GRANT SELECT ON app.products TO app_user, bi_loader;
GRANT SELECT, INSERT ON app.orders TO app_user;
GRANT USAGE ON SEQUENCE app.orders_id_seq TO app_user;
RESET ROLE;
ANALYZE app.products;
ANALYZE app.orders;

-- When the tables moved into schema app, the app's path was extended rather than replaced: public still comes
-- first, as it did when the tables lived there.
ALTER ROLE app_user IN DATABASE app_db SET search_path = "$user", public, app;
