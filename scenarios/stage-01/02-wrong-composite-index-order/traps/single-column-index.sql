-- Tempting: "the filter the index cannot narrow is tenant_id, so give tenant_id its own index". The planner does
-- use it, but it still fetches all of a tenant's orders from the heap, filters the paid ones and sorts them: a
-- couple of hundred buffers per request instead of a couple of dozen, and it gets worse as tenants grow.
\connect app_db
CREATE INDEX CONCURRENTLY orders_tenant_id_idx ON orders (tenant_id);
