-- The order service of a multi-tenant shop: every tenant's orders live in one table, tenant_orders in app_db, and
-- row-level security keeps them apart. The application connects as app_user and sets app.tenant_id on each
-- connection; the policies compare it with the row's tenant_id. The table belongs to migrator, the deploy
-- pipeline's role, so app_user is subject to every policy.
\connect app_db

GRANT CONNECT ON DATABASE app_db TO app_user, migrator;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT USAGE, CREATE ON SCHEMA public TO migrator;

SET ROLE migrator;

CREATE TABLE tenant_orders (
    id           bigserial   PRIMARY KEY,
    tenant_id    text        NOT NULL,
    customer_ref text        NOT NULL,
    status       text        NOT NULL,
    total_cents  integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO tenant_orders (tenant_id, customer_ref, status, total_cents, created_at)
SELECT (ARRAY['acme', 'globex', 'initech'])[1 + g % 3],
       'cust-' || lpad(((g * 7919) % 2000 + 1)::text, 5, '0'),
       (ARRAY['open', 'paid', 'shipped', 'delivered'])[1 + (g / 3) % 4],
       (g * 37) % 40000 + 500,
       timestamptz '2026-11-01 00:00:00+00' + g * interval '3 minutes'
FROM generate_series(1, 12000) AS g;
CREATE INDEX tenant_orders_tenant_created_idx ON tenant_orders (tenant_id, created_at DESC);

-- Tenant isolation: each connection sees and writes only the rows of the tenant it has set.
ALTER TABLE tenant_orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_orders_policy ON tenant_orders FOR SELECT TO app_user
    USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_orders_insert ON tenant_orders FOR INSERT TO app_user
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT ON tenant_orders TO app_user;
GRANT USAGE ON SEQUENCE tenant_orders_id_seq TO app_user;

RESET ROLE;
ANALYZE tenant_orders;
