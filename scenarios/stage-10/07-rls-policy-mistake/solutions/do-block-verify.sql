-- The replacement wrapped in a DO block that proves itself before it commits: as app_user, for every tenant, no
-- foreign row may be visible, or the whole change is rolled back with an error.
\connect app_db
SELECT tablename, policyname, cmd, qual FROM pg_policies WHERE schemaname = 'public';
SELECT current_setting('app.tenant_id', true) AS my_tenant, (SELECT count(DISTINCT tenant_id) FROM tenant_orders) AS tenants;
DO $$
DECLARE
    t text;
    leaked bigint;
BEGIN
    DROP POLICY tenant_orders_policy ON tenant_orders;
    CREATE POLICY tenant_orders_policy ON tenant_orders FOR SELECT TO app_user
        USING (tenant_id = current_setting('app.tenant_id', true));
    SET LOCAL ROLE app_user;
    FOREACH t IN ARRAY ARRAY['acme', 'globex', 'initech'] LOOP
        PERFORM set_config('app.tenant_id', t, true);
        SELECT count(*) INTO leaked FROM tenant_orders WHERE tenant_id <> t;
        IF leaked > 0 THEN
            RAISE EXCEPTION 'tenant % still sees % foreign orders', t, leaked;
        END IF;
    END LOOP;
    RESET ROLE;
END
$$;
