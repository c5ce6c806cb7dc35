-- grade: detect 0, fix 40, trap 20
-- The right index, built the right way, with nothing looked at first: "foreign keys need
-- indexes" happened to be the answer. The fix earns its points, the diagnosis earns none.
\connect app_db
CREATE INDEX CONCURRENTLY order_items_order_id_idx ON order_items (order_id);
