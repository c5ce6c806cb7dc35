-- Tempting: "the dashboard is slow, index the column it groups by".
\connect tenant_b
CREATE INDEX orders_status_idx ON orders (status);
