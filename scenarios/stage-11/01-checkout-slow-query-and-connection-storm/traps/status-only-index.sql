-- Tempting: "checkout filters on status = 'pending', index status". About one order in twelve is pending, so the
-- index barely narrows the scan and checkout stays slow. Built CONCURRENTLY and with the storm shed correctly, so
-- the only wrong move is the index itself.
SELECT application_name, count(*) FROM pg_stat_activity GROUP BY 1 ORDER BY 2 DESC;
\connect app_db
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'checkout\_retry\_%';
