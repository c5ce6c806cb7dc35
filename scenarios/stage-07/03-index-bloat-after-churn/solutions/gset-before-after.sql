-- A psql session that keeps the index's size in a variable (\gset) and compares after the rebuild, with the locks
-- on orders looked at first. VACUUM (VERBOSE) shows what VACUUM can do for an index (remove dead entries, report
-- pages deleted) before the rebuild that actually returns the space.
\connect tenant_b
SELECT l.mode, l.granted, a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid)
WHERE l.relation = 'public.orders'::regclass;
SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT pg_relation_size('public.idx_orders_external_id') AS before_bytes, pg_relation_size('public.orders') AS table_bytes \gset
VACUUM (VERBOSE) orders;
REINDEX (VERBOSE) INDEX CONCURRENTLY idx_orders_external_id;
SELECT pg_size_pretty(:before_bytes::bigint) AS before, pg_size_pretty(pg_relation_size('public.idx_orders_external_id')) AS after,
       pg_size_pretty(:table_bytes::bigint) AS table_size;
