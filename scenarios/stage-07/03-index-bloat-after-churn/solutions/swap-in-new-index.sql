-- The swap done by hand, as before REINDEX CONCURRENTLY existed: a concurrent build of a twin, the old index dropped
-- concurrently once the twin is valid, and the twin renamed to the old name. The index on external_id never goes
-- missing. The sizes come from pgstatindex (leaf density) and the comparison with tenant_a, the healthy tenant.
\connect tenant_a
SELECT indexrelname, pg_size_pretty(pg_relation_size(indexrelid)) FROM pg_stat_user_indexes WHERE relname = 'orders';
\connect tenant_b
CREATE EXTENSION IF NOT EXISTS pgstattuple;
SELECT index_size, leaf_pages, avg_leaf_density FROM pgstatindex('idx_orders_external_id');
SELECT relname, n_dead_tup, last_vacuum, last_autovacuum FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT pid, application_name, state FROM pg_stat_activity WHERE datname = 'tenant_b';
CREATE INDEX CONCURRENTLY idx_orders_external_id_new ON orders (external_id);
DROP INDEX CONCURRENTLY idx_orders_external_id;
ALTER INDEX idx_orders_external_id_new RENAME TO idx_orders_external_id;
