-- grade: detect 0, fix 40, trap 20
-- The right policy typed from the ticket alone: nobody read the policies or looked at what a tenant sees first.
\connect app_db
ALTER POLICY tenant_orders_policy ON tenant_orders USING (tenant_id = current_setting('app.tenant_id', true));
