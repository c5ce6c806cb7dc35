-- Tempting: "the new policy is the leak, remove it". Without a read policy, row-level security denies every row:
-- the leak stops, and so does the portal, which now shows every tenant an empty order history.
\connect app_db
DROP POLICY tenant_orders_policy ON tenant_orders;
