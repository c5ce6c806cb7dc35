-- The columns of orders as one line per tenant, easy to compare by eye, then the change in a short transaction with
-- a lock_timeout: ADD COLUMN needs ACCESS EXCLUSIVE for a moment, and if a long transaction held orders it would
-- give up after two seconds instead of queueing the order API behind it.
\connect tenant_a
SELECT current_database(), string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders';
\connect tenant_c
SELECT current_database(), string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders';
\connect tenant_b
SELECT current_database(), string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders';
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ADD COLUMN external_id text;
COMMIT;
