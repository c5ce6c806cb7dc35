-- Tempting: "the index is bloated, get rid of it, the lookups will manage". Every webhook lookup and every
-- reconciliation batch becomes a full scan of orders.
\connect tenant_b
DROP INDEX CONCURRENTLY idx_orders_external_id;
