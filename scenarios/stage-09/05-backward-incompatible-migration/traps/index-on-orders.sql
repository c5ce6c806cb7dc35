-- Tempting: "order pages are failing, orders must need an index". Built CONCURRENTLY, as an operator who knows
-- better than to lock a live table would, so the only wrong move is the index itself: the errors are not about speed.
\connect app_db
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
