-- Tempting: "checkout is slow and invoices has no index on its number alone". Careful about locks, the
-- operator even caps the wait and builds CONCURRENTLY. It cannot help (checkout waits for a row lock, it does
-- not scan), and the build itself waits for every transaction that has touched invoices, the stuck one
-- included: it gives up after two seconds and leaves an INVALID index behind.
\connect app_db
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY invoices_number_idx ON invoices (number);
