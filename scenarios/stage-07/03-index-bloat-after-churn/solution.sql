-- Who works on which database? The webhooks, the reconciliation and the storefront never stop on tenant_b.
SELECT datname, application_name, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY 1, 2;

\connect tenant_b

-- The table is clean: the maintenance VACUUM ran and few dead tuples are left.
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum,
       pg_size_pretty(pg_relation_size(relid)) AS table_size
FROM pg_stat_user_tables WHERE relname = 'orders';

-- Yet one index is far larger than the others, and larger than its keys justify.
SELECT indexrelname, pg_size_pretty(pg_relation_size(indexrelid)) AS size, idx_scan
FROM pg_stat_user_indexes
WHERE relname = 'orders'
ORDER BY pg_relation_size(indexrelid) DESC;

-- Rebuild it from the live rows without blocking the webhooks: a new index is built beside the old one,
-- swapped in, and the old one dropped.
REINDEX INDEX CONCURRENTLY idx_orders_external_id;

SELECT indexrelname, pg_size_pretty(pg_relation_size(indexrelid)) AS size
FROM pg_stat_user_indexes WHERE relname = 'orders' ORDER BY 1;
