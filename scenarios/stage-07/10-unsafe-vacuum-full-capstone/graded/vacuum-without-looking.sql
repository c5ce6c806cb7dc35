-- grade: detect 0, fix 40, trap 20
-- The right command from memory, with nothing measured first: neither the dead tuples nor who is using the table.
-- It works (the full Fix, no trap), but no evidence shows why plain VACUUM was chosen, so it earns no Detect.
\connect tenant_b
VACUUM (ANALYZE) orders;
