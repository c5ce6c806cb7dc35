-- grade: detect 40, fix 20, trap 20
-- The right diagnosis and the override removed, but the backlog is left for autovacuum to
-- find some time later: tenant B still carries three dead rows per live one when the operator
-- leaves, and autovacuum's first throttled pass over them takes its time. Half the fix.
\connect tenant_c
SELECT n_live_tup, n_dead_tup, last_autovacuum FROM pg_stat_user_tables WHERE relname = 'orders';
\connect tenant_b
SELECT n_live_tup, n_dead_tup, last_autovacuum FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT reloptions FROM pg_class WHERE oid = 'orders'::regclass;
ALTER TABLE orders RESET (autovacuum_enabled);
