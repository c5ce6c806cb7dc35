-- One row of orders in tenant_a and in tenant_c shows the difference at a glance. Then each migration in its own
-- short transaction with a lock_timeout: ADD COLUMN needs ACCESS EXCLUSIVE for a moment, and if a long transaction
-- held orders it would give up after two seconds instead of queueing the application behind it.
\connect tenant_a
SELECT * FROM orders LIMIT 1;
\connect tenant_c
SELECT * FROM orders LIMIT 1;
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ADD COLUMN release_id text;
COMMIT;
\connect tenant_b
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ADD COLUMN release_id text;
COMMIT;
