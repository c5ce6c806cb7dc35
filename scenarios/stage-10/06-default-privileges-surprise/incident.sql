-- Release 5.0's migration, run by the pipeline as migrator: rebuild new_orders with bigint ids and a
-- currency column (create, copy, swap). The rebuilt table has no GRANT (the migration template no longer
-- has one), and the default privileges do not cover tables that migrator creates.
\connect app_db
SET ROLE migrator;
BEGIN;
CREATE TABLE new_orders_0042 (
    id          bigint      PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    total_cents integer     NOT NULL,
    currency    text        NOT NULL DEFAULT 'EUR',
    created_at  timestamptz NOT NULL
);
INSERT INTO new_orders_0042 (id, customer_id, status, total_cents, created_at)
SELECT id, customer_id, status, total_cents, created_at FROM new_orders;
DROP TABLE new_orders;
ALTER TABLE new_orders_0042 RENAME TO new_orders;
ALTER INDEX new_orders_0042_pkey RENAME TO new_orders_pkey;
CREATE INDEX new_orders_customer_id_idx ON new_orders (customer_id);
INSERT INTO schema_migrations VALUES ('0042_new_orders_bigint_ids', now());
COMMIT;
RESET ROLE;
ANALYZE new_orders;
