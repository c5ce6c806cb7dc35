-- Tempting: "order pages are failing in B and C, they must need an index".
\connect tenant_b
CREATE INDEX orders_created_at_idx ON orders (created_at);
\connect tenant_c
CREATE INDEX orders_created_at_idx ON orders (created_at);
