-- Tempting: "just add the index", the plain way. The build holds a SHARE lock on orders,
-- so every checkout INSERT queues until it finishes.
\connect app_db
CREATE INDEX orders_user_status_created_idx ON orders (user_id, status, created_at);
