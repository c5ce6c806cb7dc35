-- grade: detect 40, fix 15, trap 7
-- The right diagnosis and the wrong remedy, aimed a little lower than the server: work_mem raised for the
-- application's role. New app sessions no longer spill, but the sort and the read of every page stay, and every
-- session of every service that logs in as app_user may now take 32 times the memory per sort node.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at, shipping_address FROM orders
WHERE tenant_id = 11 ORDER BY created_at DESC LIMIT 1000;
SHOW work_mem;
ALTER ROLE app_user SET work_mem = '8MB';
