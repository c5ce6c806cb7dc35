\connect app_db
-- The shop's orders. The partner import column marks orders that arrive in batches from a partner feed.
CREATE TABLE orders (
    id           bigserial   PRIMARY KEY,
    customer_id  integer     NOT NULL,
    channel      text        NOT NULL,
    import_batch text,
    total_cents  integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO orders (customer_id, channel, import_batch, total_cents, created_at)
SELECT (g * 7919) % 3000 + 1,
       (ARRAY['web', 'web', 'app', 'store'])[1 + g % 4],
       NULL,
       500 + (g * 37) % 20000,
       now() - (20000 - g) * interval '4 seconds'
FROM generate_series(1, 20000) AS g;
CREATE INDEX orders_created_at_idx ON orders (created_at);
ANALYZE orders;

GRANT CONNECT ON DATABASE app_db TO app_user, reporting;
GRANT SELECT, INSERT ON orders TO app_user;
GRANT USAGE ON SEQUENCE orders_id_seq TO app_user;
GRANT SELECT ON orders TO reporting;
