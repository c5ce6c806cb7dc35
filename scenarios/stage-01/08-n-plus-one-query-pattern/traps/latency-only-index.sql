-- Tempting: "the finance report is the slowest query, index what it groups by".
-- It aggregates every order, so the index does not help it, and the real cost stays where it was.
\connect app_db
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
