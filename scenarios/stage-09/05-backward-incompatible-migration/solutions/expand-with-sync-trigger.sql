-- The expand step done properly: the column back, a trigger that keeps it in step with status while 2.0 keeps
-- writing status, then the backfill. Found with the catalog: pg_attribute even shows the dropped column
-- ("........pg.dropped.4........"), which says exactly what the migration did.
SELECT * FROM pg_stat_activity WHERE backend_type = 'client backend';
\connect app_db
SELECT attnum, attname, attisdropped FROM pg_attribute
WHERE attrelid = 'public.orders'::regclass AND attnum > 0 ORDER BY attnum;

ALTER TABLE orders ADD COLUMN legacy_status text;
CREATE FUNCTION orders_sync_legacy_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.legacy_status := NEW.status;
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_sync_legacy_status BEFORE INSERT OR UPDATE OF status ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_sync_legacy_status();
UPDATE orders SET legacy_status = status WHERE legacy_status IS DISTINCT FROM status;
