-- Release 5.2 of the order service, half an hour ago. Its migration rebuilt the read policy of tenant_orders for the
-- new order search page. On the developer's machine there was a single tenant, and the placeholder USING (true)
-- made the page work, so it shipped: from now on every tenant's session reads every tenant's orders.
\connect app_db
SET ROLE migrator;
DROP POLICY tenant_orders_policy ON tenant_orders;
CREATE POLICY tenant_orders_policy ON tenant_orders FOR SELECT TO app_user USING (true);
RESET ROLE;
