-- grade: detect 40, fix 0, trap 10
-- The right diagnosis and the right policy, but with row-level security switched off "while fixing it" and never
-- switched back on: the corrected policy is ignored and every tenant still reads every order.
\connect app_db
SELECT policyname, cmd, qual FROM pg_policies WHERE tablename = 'tenant_orders';
SELECT tenant_id, count(*) FROM tenant_orders GROUP BY tenant_id;
ALTER TABLE tenant_orders DISABLE ROW LEVEL SECURITY;
ALTER POLICY tenant_orders_policy ON tenant_orders USING (tenant_id = current_setting('app.tenant_id', true));
