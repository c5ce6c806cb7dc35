-- A gentler release from app_db: keep the eight inventory connections that were used most recently and end the
-- rest of the idle ones in a DO block that reports what it did.
\connect app_db
SELECT setting FROM pg_settings WHERE name = 'max_connections';
SELECT application_name, usename, state, count(*), max(state_change) AS last_used
FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
DO $$
DECLARE
    r record;
    n int := 0;
BEGIN
    FOR r IN SELECT pid FROM pg_stat_activity
             WHERE application_name = 'inventory_api' AND state = 'idle'
             ORDER BY state_change DESC OFFSET 8 LOOP
        IF pg_terminate_backend(r.pid) THEN
            n := n + 1;
        END IF;
    END LOOP;
    RAISE NOTICE 'ended % idle inventory_api connections', n;
END
$$;
