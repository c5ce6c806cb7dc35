-- Tempting: "the storefront is failing, its query must be too slow".
\connect app_db
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at DESC);
