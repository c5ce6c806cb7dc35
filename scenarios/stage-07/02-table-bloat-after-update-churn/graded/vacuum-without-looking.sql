-- grade: detect 0, fix 40, trap 20
-- The right command from memory, with nothing measured first: neither the dead tuples nor who uses the table nor
-- why autovacuum stayed away. It works (the full Fix, no trap), but no evidence shows why plain VACUUM was chosen.
\connect analytics_db
VACUUM (ANALYZE) events;
