-- A comparison first: tenant_a has the same application and no stuck cleanup, tenant_b does. Then the sessions of
-- tenant_b in full (SELECT *), where one idle-in-transaction session stands out. The termination is sent from the
-- default database (pg_terminate_backend works cluster-wide), without a timeout, and a bounded wait follows so that
-- the VACUUM only starts once the backend is really gone.
\connect tenant_a
SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables;
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables;
SELECT * FROM pg_stat_activity WHERE datname = 'tenant_b';

\connect incident
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'tenant_b' AND application_name = 'old_snapshot';
DO $$
BEGIN
    FOR i IN 1 .. 200 LOOP
        PERFORM pg_stat_clear_snapshot();
        EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'old_snapshot');
        PERFORM pg_sleep(0.05);
    END LOOP;
END
$$;

\connect tenant_b
VACUUM (ANALYZE) orders, carts;
