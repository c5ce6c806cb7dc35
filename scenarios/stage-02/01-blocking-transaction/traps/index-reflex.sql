-- Tempting: "checkout is slow and orders.product_id has no index".
\connect app_db
CREATE INDEX orders_product_id_idx ON orders (product_id);
