-- Tempting: "get every tenant into the same clean state: undo the migration everywhere and run it again".
-- In tenant_a that drops the column and every release_id 2.4 has recorded since the rollout.
\connect tenant_a
ALTER TABLE orders DROP COLUMN IF EXISTS release_id;
ALTER TABLE orders ADD COLUMN release_id text;
\connect tenant_b
ALTER TABLE orders DROP COLUMN IF EXISTS release_id;
ALTER TABLE orders ADD COLUMN release_id text;
\connect tenant_c
ALTER TABLE orders DROP COLUMN IF EXISTS release_id;
ALTER TABLE orders ADD COLUMN release_id text;
