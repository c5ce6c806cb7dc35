-- grade: detect 0, fix 40, trap 20
-- The postmortem's fix typed from memory, nothing looked at first. Everything works afterwards and nothing dangerous
-- was done, but no evidence shows how the operator knew what blocked whom or what was wrong with the column.
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name LIKE 'migration_runner%';
\connect app_db
ALTER TABLE orders ALTER COLUMN release_id SET DEFAULT 'unknown';
UPDATE orders SET release_id = 'unknown' WHERE release_id IS NULL;
