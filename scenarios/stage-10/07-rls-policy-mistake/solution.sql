\connect app_db

-- The policies on tenant_orders: the read policy lets every row through.
SELECT policyname, cmd, roles, permissive, qual, with_check
FROM pg_policies
WHERE tablename = 'tenant_orders';

-- What a tenant sees (as the superuser, RLS does not apply: switch to the application's role first).
SET ROLE app_user;
SET app.tenant_id = 'globex';
SELECT tenant_id, count(*) FROM tenant_orders GROUP BY tenant_id ORDER BY tenant_id;
RESET app.tenant_id;
RESET ROLE;

-- Replace the read policy with one that filters on the tenant the connection has set, in one transaction,
-- so there is no moment without a read policy.
BEGIN;
DROP POLICY tenant_orders_policy ON tenant_orders;
CREATE POLICY tenant_orders_policy ON tenant_orders FOR SELECT TO app_user
    USING (tenant_id = current_setting('app.tenant_id', true));
COMMIT;

-- Check again as a tenant.
SET ROLE app_user;
SET app.tenant_id = 'globex';
SELECT tenant_id, count(*) FROM tenant_orders GROUP BY tenant_id ORDER BY tenant_id;
RESET app.tenant_id;
RESET ROLE;
