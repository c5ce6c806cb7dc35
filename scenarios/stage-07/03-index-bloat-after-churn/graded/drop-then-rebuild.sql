-- grade: detect 40, fix 40, trap 15
-- The right diagnosis and an index of the right size at the end, but built by dropping the old one first: between
-- the DROP and the end of the new build, every webhook lookup is a full scan of orders.
\connect tenant_b
SELECT indexrelname, pg_size_pretty(pg_relation_size(indexrelid)) FROM pg_stat_user_indexes WHERE relname = 'orders';
SELECT relname, n_dead_tup, last_vacuum FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT application_name, state FROM pg_stat_activity WHERE datname = 'tenant_b';
DROP INDEX idx_orders_external_id;
CREATE INDEX CONCURRENTLY idx_orders_external_id ON orders (external_id);
