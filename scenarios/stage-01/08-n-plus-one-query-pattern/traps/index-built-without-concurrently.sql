-- Tempting: the right index, built the quick way. A plain CREATE INDEX holds a SHARE lock
-- on order_items until it is done, and every checkout INSERT waits behind it.
\connect app_db
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
