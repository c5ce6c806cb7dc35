-- Tempting: "the query sorts by created_at, so lead with created_at and add the two filters after it". The
-- planner cannot use a leading created_at to find one tenant's rows, so it keeps the status-first index, and the
-- new one is dead weight that every checkout insert has to maintain.
\connect app_db
CREATE INDEX CONCURRENTLY orders_created_tenant_status_idx ON orders (created_at, tenant_id, status);
