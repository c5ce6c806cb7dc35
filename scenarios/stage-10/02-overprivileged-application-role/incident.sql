-- Release 4.1 of the support desk, an hour ago. Its migration (run as migrator) added the refunds table, but the
-- migration template no longer carries GRANTs, so the new refunds page got "permission denied for table refunds".
-- The engineer on call unblocked it with the "service account full rights" snippet from an old runbook.
-- From then on app_user bypasses every row-level security policy: the support desk shows all tenants' notes.
\connect app_db
SET ROLE migrator;
CREATE TABLE refunds (
    id           bigserial   PRIMARY KEY,
    tenant_id    integer     NOT NULL,
    customer_id  integer     NOT NULL REFERENCES customers (id),
    amount_cents integer     NOT NULL,
    reason       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO refunds (tenant_id, customer_id, amount_cents, reason, created_at)
SELECT 1 + c % 3, c, 500 + g * 10, 'damaged in transit', timestamptz '2026-12-01 00:00:00+00' + g * interval '1 hour'
FROM generate_series(1, 60) AS g
CROSS JOIN LATERAL (SELECT (g * 37) % 1500 + 1 AS c) AS x;
INSERT INTO schema_migrations VALUES ('0057_refunds', now());
RESET ROLE;
ANALYZE refunds;

ALTER ROLE app_user SUPERUSER CREATEDB CREATEROLE REPLICATION;
