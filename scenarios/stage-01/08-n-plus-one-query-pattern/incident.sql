-- The marketplace migration lands: 30,000 historical orders and their line items are imported
-- in one batch. Queries that were cheap on a small order_items table now read four times as much.
\connect app_db

-- Like pg_restore --disable-triggers, the import tool skips per-row foreign key checks.
SET session_replication_role = replica;

INSERT INTO orders (id, customer_id, status, total_cents, created_at)
SELECT g, (g * 7919) % 5000 + 1,
       (ARRAY['paid', 'shipped', 'delivered', 'delivered', 'cancelled'])[1 + (g * 37) % 5],
       (g * 37) % 40000 + 500,
       timestamptz '2023-09-01 00:00:00+00' + (g - 10000) * interval '50 minutes'
FROM generate_series(10001, 40000) AS g;

INSERT INTO order_items (order_id, sku, quantity, unit_cents)
SELECT g, 'SKU-' || lpad(((g * 31 + n * 17) % 2000)::text, 5, '0'), 1 + (g + n) % 3, 200 + (g * n * 13) % 5000
FROM generate_series(10001, 40000) AS g
CROSS JOIN LATERAL generate_series(1, 1 + (g * 7919) % 7) AS n;

RESET session_replication_role;

-- The import job finishes the way its runbook says.
VACUUM ANALYZE orders;
VACUUM ANALYZE order_items;
