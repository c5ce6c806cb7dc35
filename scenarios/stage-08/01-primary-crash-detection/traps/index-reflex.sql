-- Tempting: "the order API timed out, the orders table has no index on customer_id". The primary is
-- started, which is the fix, and then an index is built that has nothing to do with the outage.
-- ride: action start-primary
\connect app_db
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
