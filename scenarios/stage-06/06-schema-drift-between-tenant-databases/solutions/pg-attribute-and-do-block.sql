-- The catalog itself: pg_attribute of orders in the drifted tenant and in a healthy one, then a DO block in
-- tenant_b that adds the column only if it is still missing and says what it did (safe to run twice).
\connect tenant_b
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull
FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
\connect tenant_a
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull
FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
\connect tenant_b
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attname = 'external_id' AND NOT attisdropped) THEN
        ALTER TABLE public.orders ADD COLUMN external_id text;
        RAISE NOTICE 'tenant_b: added orders.external_id text';
    ELSE
        RAISE NOTICE 'tenant_b: orders.external_id already there';
    END IF;
END
$$;
