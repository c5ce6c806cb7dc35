-- psql's own view of the table (\d lists its policies), a tenant's view by set_config as app_user, then ALTER POLICY:
-- the expression changes in place, the policy keeps its name, command and role, and there is no gap at all.
\connect app_db
\d tenant_orders
SET ROLE app_user;
SELECT set_config('app.tenant_id', 'acme', false);
SELECT tenant_id, count(*) FROM tenant_orders GROUP BY 1;
RESET ROLE;
ALTER POLICY tenant_orders_policy ON tenant_orders USING (tenant_id = current_setting('app.tenant_id', true));
