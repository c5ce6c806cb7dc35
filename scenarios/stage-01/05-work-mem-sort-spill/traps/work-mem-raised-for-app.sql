-- Tempting: "not the whole server then, just the shop's database". New sessions in app_db stop spilling, but
-- every one of them, for every service that uses the database, may now take 32 times the memory per sort or hash
-- node, and the sort itself, with its read of every page, stays.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 3 ORDER BY created_at DESC LIMIT 1000;
ALTER DATABASE app_db SET work_mem = '8MB';
