-- Tempting: "order pages are failing in B and C, they must need an index". Built CONCURRENTLY, so the only wrong
-- move is the index itself: the errors are about a missing column, not speed.
\connect tenant_b
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
\connect tenant_c
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
