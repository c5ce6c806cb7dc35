-- Comparison by size and by the catalog: the same query in tenant_a and tenant_b shows the
-- table three times larger with the same rows, and the reloptions column explains why. The
-- repair names the table with its schema and runs VACUUM with VERBOSE only.
\connect tenant_a
SELECT c.relname, c.reloptions, pg_size_pretty(pg_table_size(c.oid)) AS size, c.reltuples::bigint
FROM pg_class c WHERE c.relname = 'orders';
\connect tenant_b
SELECT c.relname, c.reloptions, pg_size_pretty(pg_table_size(c.oid)) AS size, c.reltuples::bigint
FROM pg_class c WHERE c.relname = 'orders';
SELECT n_dead_tup, n_live_tup, last_autovacuum FROM pg_stat_user_tables WHERE relname = 'orders';
ALTER TABLE public.orders RESET (autovacuum_enabled);
VACUUM (VERBOSE) public.orders;
