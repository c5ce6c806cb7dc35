-- Three tenants of the shop, one database each. The incident is in tenant_b; tenant_a and tenant_c carry the
-- same application so that "the database" is not one obvious place.

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
SELECT g, (g * 7919) % 4000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute',
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute'
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
SELECT g, (g * 7919) % 4000 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       (g * 37) % 100000 + 100,
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute',
       timestamptz '2026-10-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 40000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

-- Shopping carts: small and hot, every click updates one.
CREATE TABLE carts (
    id          integer PRIMARY KEY,
    customer_id integer     NOT NULL,
    item_count  integer     NOT NULL,
    updated_at  timestamptz NOT NULL
);
INSERT INTO carts (id, customer_id, item_count, updated_at)
SELECT g, g * 7 % 4000 + 1, g % 6, timestamptz '2026-10-28 00:00:00+00'
FROM generate_series(1, 500) AS g;

-- The nightly export refuses to start twice: a restarted export would hand the warehouse a second,
-- different copy of the day. (The sequence is outside any transaction, so the count survives a rollback.)
CREATE SEQUENCE export_runs;
CREATE FUNCTION export_begin() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    run bigint := nextval('export_runs');
BEGIN
    IF run > 1 THEN
        RAISE EXCEPTION 'export run % refused: tonight''s export has already started', run;
    END IF;
    RETURN run;
END
$$;

VACUUM ANALYZE orders, carts;

GRANT USAGE ON SCHEMA public TO app_user, report_user;
GRANT SELECT ON orders TO app_user, report_user;
GRANT SELECT, UPDATE ON carts TO app_user;
GRANT USAGE ON SEQUENCE export_runs TO report_user;
GRANT EXECUTE ON FUNCTION export_begin() TO report_user;

-- Statistics of the seeding itself are not part of the story (a Reset copy starts without them too).
SELECT pg_stat_reset();
