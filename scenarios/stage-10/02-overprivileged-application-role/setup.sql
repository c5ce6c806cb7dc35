-- The support desk and billing service of a multi-tenant shop. Three tenants share app_db; tenant isolation is
-- done in the database with row-level security on customer_notes, keyed by the app.tenant_id setting the
-- application sets on each connection. Tables are created and owned by `migrator` (the deploy pipeline);
-- the application connects as `app_user` with ordinary grants.
\connect app_db

GRANT CONNECT ON DATABASE app_db TO app_user, migrator;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT USAGE, CREATE ON SCHEMA public TO migrator;

SET ROLE migrator;

CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL);

CREATE TABLE customers (
    id        integer PRIMARY KEY,
    tenant_id integer NOT NULL,
    name      text    NOT NULL
);
INSERT INTO customers
SELECT g, 1 + g % 3, 'customer ' || g
FROM generate_series(1, 1500) AS g;

CREATE TABLE customer_notes (
    id          integer PRIMARY KEY,
    tenant_id   integer     NOT NULL,
    customer_id integer     NOT NULL REFERENCES customers (id),
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
INSERT INTO customer_notes
SELECT g, 1 + c % 3, c,
       'note ' || g || ' about customer ' || c,
       timestamptz '2026-11-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 30000) AS g
CROSS JOIN LATERAL (SELECT (g * 7919) % 1500 + 1 AS c) AS x;
CREATE INDEX customer_notes_tenant_created_idx ON customer_notes (tenant_id, created_at DESC);

-- Each tenant sees only its own notes: the application sets app.tenant_id and the policy does the rest.
ALTER TABLE customer_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_notes
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::integer);

GRANT SELECT ON customers, customer_notes TO app_user;

INSERT INTO schema_migrations VALUES
    ('0055_customer_notes', now() - interval '60 days'),
    ('0056_notes_row_level_security', now() - interval '20 days');

RESET ROLE;
ANALYZE customers;
ANALYZE customer_notes;
