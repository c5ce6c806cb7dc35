-- Tempting: "the dashboard is slow, index the column it groups by" (built CONCURRENTLY, so it
-- blocks nobody: the move itself is the mistake, not the lock).
\connect tenant_b
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
