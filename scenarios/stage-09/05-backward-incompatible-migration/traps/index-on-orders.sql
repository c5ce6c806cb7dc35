-- Tempting: "order pages are failing, orders must need an index".
\connect app_db
CREATE INDEX orders_status_idx ON orders (status);
