-- A look at everything pg_stat_activity has, then a DO block that ends the warm-up's sessions one by one and
-- reports how many it ended.
SELECT * FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY backend_start;
SELECT name, setting FROM pg_settings WHERE name IN ('max_connections', 'superuser_reserved_connections');
DO $$
DECLARE
    r record;
    n int := 0;
BEGIN
    FOR r IN SELECT pid FROM pg_stat_activity WHERE application_name = 'deploy_worker' LOOP
        IF pg_terminate_backend(r.pid) THEN
            n := n + 1;
        END IF;
    END LOOP;
    RAISE NOTICE 'ended % deploy_worker sessions', n;
END
$$;
