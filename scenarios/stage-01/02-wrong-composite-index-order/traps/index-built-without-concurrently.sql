-- Tempting: "just add the right index", the plain way. The build holds a SHARE lock on orders, so every checkout
-- INSERT queues until it finishes.
\connect app_db
CREATE INDEX idx_orders_good ON orders (tenant_id, status, created_at DESC);
