-- grade: detect 20, fix 40, trap 20
-- tenant_b's columns were read and the missing one guessed from the error, but no healthy tenant was looked at:
-- how the column should look (type, nullability, default) was never checked against its peers. The guess happened
-- to be right.
\connect tenant_b
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
ALTER TABLE orders ADD COLUMN external_id text;
