-- Same traffic in every tenant, so compare the tenants. A healthy one first:
\connect tenant_a
SELECT relname, n_live_tup, n_dead_tup, last_autovacuum, autovacuum_count
FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;

-- Then the one that complains: three dead row versions per live row, never autovacuumed.
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup, last_autovacuum, autovacuum_count,
       pg_size_pretty(pg_table_size(relid)) AS size
FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;

-- Autovacuum is on for the server...
SHOW autovacuum;
-- ...but switched off for this one table.
SELECT relname, reloptions FROM pg_class WHERE reloptions IS NOT NULL;

-- Give the table back to autovacuum, and clean up the backlog now with a plain VACUUM
-- (SHARE UPDATE EXCLUSIVE: reads and writes carry on while it runs).
ALTER TABLE orders RESET (autovacuum_enabled);
VACUUM (ANALYZE, VERBOSE) orders;
