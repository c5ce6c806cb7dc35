-- grade: detect 20, fix 0, trap 20
-- Confirms the leak as a tenant, but never reads the existing policies and adds a correct-looking one beside them.
-- Permissive policies are OR-ed: USING (true) still lets every row through, so nothing changes for the tenants.
\connect app_db
SET ROLE app_user;
SET app.tenant_id = 'acme';
SELECT tenant_id, count(*) FROM tenant_orders GROUP BY tenant_id;
RESET ROLE;
CREATE POLICY tenant_orders_by_tenant ON tenant_orders FOR SELECT TO app_user
    USING (tenant_id = current_setting('app.tenant_id', true));
