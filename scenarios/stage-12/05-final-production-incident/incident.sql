-- Release 3.0 at 02:00, while every application is connected.

-- app_db: the migration's second step is the migration_runner actor (startAfterIncident: true). It
-- connects right after this script, opens a transaction, builds orders_release_id_idx with a plain
-- CREATE INDEX (a SHARE lock on orders) and then stops at a prompt nobody answers.

-- billing_db: rebuild new_invoices with a wider amount column. A rebuilt table starts with no
-- grants, and migrator has no default privileges for app_user.
\connect billing_db
SET ROLE migrator;
BEGIN;
CREATE TABLE new_invoices_v3 (
    id           integer     PRIMARY KEY,
    customer_id  integer     NOT NULL,
    amount_cents bigint      NOT NULL,
    status       text        NOT NULL,
    issued_at    timestamptz NOT NULL
);
INSERT INTO new_invoices_v3 SELECT id, customer_id, amount_cents, status, issued_at FROM new_invoices;
DROP TABLE new_invoices;
ALTER TABLE new_invoices_v3 RENAME TO new_invoices;
ALTER INDEX new_invoices_v3_pkey RENAME TO new_invoices_pkey;
CREATE INDEX new_invoices_status_idx ON new_invoices (status, id);
COMMIT;
RESET ROLE;

-- Security hardening shipped with the same release: no more CONNECT for every role by default.
REVOKE CONNECT ON DATABASE billing_db FROM PUBLIC;
ANALYZE new_invoices;
