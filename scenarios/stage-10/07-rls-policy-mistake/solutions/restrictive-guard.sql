-- Defence in depth: the read policy gets its filter back, and a RESTRICTIVE policy for every command is added on top.
-- Restrictive policies are AND-ed with the permissive ones, so even a future "USING (true)" cannot open the table
-- again without someone also dropping the guard.
\connect app_db
SELECT pol.polname, pol.polcmd, pol.polpermissive, pg_get_expr(pol.polqual, pol.polrelid) AS using_expr
FROM pg_policy pol WHERE pol.polrelid = 'public.tenant_orders'::regclass;
SELECT tenant_id, count(*) FROM tenant_orders GROUP BY tenant_id;
BEGIN;
ALTER POLICY tenant_orders_policy ON tenant_orders USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_orders_guard ON tenant_orders AS RESTRICTIVE FOR ALL TO app_user
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
COMMIT;
