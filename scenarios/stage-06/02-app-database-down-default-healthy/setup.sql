-- The default database `incident` is the ops database: the load balancer's health probe connects here,
-- and the maintenance scheduler keeps its job log here.
CREATE TABLE maintenance_jobs (
    id          serial PRIMARY KEY,
    job         text        NOT NULL,
    target_db   text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    status      text        NOT NULL,
    detail      text
);
INSERT INTO maintenance_jobs (job, target_db, started_at, finished_at, status, detail) VALUES
    ('retire-database', 'analytics_db', now() - interval '24 days', now() - interval '24 days', 'succeeded',
     'archive frozen for the audit; connections disabled until the drop is approved'),
    ('weekly-reindex', 'app_db', now() - interval '7 days 3 hours', now() - interval '7 days 2 hours 40 minutes', 'succeeded',
     'connections paused for the window, then restored');

-- The order service's database.
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
GRANT CONNECT ON DATABASE app_db TO app_user;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, UPDATE ON orders TO app_user;

-- The old analytics database, retired last month (closed again by incident.sql: a closed database does not
-- survive Ride's snapshot and Reset, so its closure is re-applied there with the incident).
\connect analytics_db
CREATE TABLE daily_revenue (day date PRIMARY KEY, orders integer NOT NULL, revenue_cents bigint NOT NULL);
INSERT INTO daily_revenue
SELECT d::date, 500 + (extract(doy FROM d)::int * 13) % 200, 1000000 + (extract(doy FROM d)::int * 7919) % 500000
FROM generate_series(date '2026-01-01', date '2026-10-31', interval '1 day') AS d;
