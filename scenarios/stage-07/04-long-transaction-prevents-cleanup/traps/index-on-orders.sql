-- Tempting: "order pages must be slower with all those dead rows, add an index".
\connect tenant_b
CREATE INDEX orders_updated_at_idx ON orders (updated_at);
