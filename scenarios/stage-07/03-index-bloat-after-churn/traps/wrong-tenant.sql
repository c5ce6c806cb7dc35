-- Tempting: run the rebuild from wherever the console is connected. tenant_a has an index of the same name, so this
-- succeeds, rebuilds a healthy index, and tenant_b's stays three times too large.
\connect tenant_a
REINDEX INDEX CONCURRENTLY idx_orders_external_id;
