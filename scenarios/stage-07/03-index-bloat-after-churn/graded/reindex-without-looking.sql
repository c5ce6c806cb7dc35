-- grade: detect 0, fix 40, trap 20
-- The right rebuild from memory, with nothing measured: no index sizes, no look at the table or at who is using it.
-- It works, but nothing shows why this index and not another one.
\connect tenant_b
REINDEX INDEX CONCURRENTLY idx_orders_external_id;
