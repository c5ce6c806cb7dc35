-- Tempting: "the sort spills because work_mem is tiny; give the server more". The spill does go away, but
-- work_mem is granted per sort or hash node per backend: every session on the server may now take many times
-- more memory, on a server that has already run out once. And the sort itself, with its read of every page,
-- stays.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 3 ORDER BY created_at DESC LIMIT 1000;
SHOW work_mem;
ALTER SYSTEM SET work_mem = '64MB';
SELECT pg_reload_conf();
