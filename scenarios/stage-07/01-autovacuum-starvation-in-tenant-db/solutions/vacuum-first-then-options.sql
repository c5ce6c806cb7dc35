-- Another reasonable order: the broken tenant first, then the healthy one for comparison, then
-- the backlog cleared with a database-wide VACUUM (ANALYZE) in tenant_b before the override is
-- removed, plus a tighter per-table scale factor so this busy table is vacuumed sooner from
-- now on (a table-level setting, in tenant_b only).
\connect tenant_b
SELECT c.relname, o.option_name, o.option_value
FROM pg_class c CROSS JOIN LATERAL pg_options_to_table(c.reloptions) AS o
WHERE c.relkind = 'r';
SELECT relname, n_live_tup, n_dead_tup, autovacuum_count FROM pg_stat_user_tables;
\connect tenant_a
SELECT relname, n_live_tup, n_dead_tup, autovacuum_count FROM pg_stat_user_tables;
\connect tenant_b
VACUUM (ANALYZE);
ALTER TABLE orders RESET (autovacuum_enabled);
ALTER TABLE orders SET (autovacuum_vacuum_scale_factor = 0.05);
