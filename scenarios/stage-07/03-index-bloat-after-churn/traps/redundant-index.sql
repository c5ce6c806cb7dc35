-- Tempting: "build a fresh index on external_id next to it, the planner will pick the small one". Now every write
-- maintains two indexes on the same column, and the bloated one stays.
\connect tenant_b
CREATE INDEX CONCURRENTLY orders_external_id_fresh_idx ON orders (external_id);
