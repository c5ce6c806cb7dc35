-- Tempting: "the deep page sorts on disk; give sorts more memory". The temp files stop, but work_mem is granted per
-- sort node per backend on every connection of the server; the deep page still fetches and sorts 60,000 rows, and
-- the mobile app's cursor page is exactly as expensive as before.
SELECT calls, temp_blks_written, left(query, 100) FROM pg_stat_statements ORDER BY temp_blks_written DESC LIMIT 3;
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, status, total_cents, created_at FROM orders
WHERE tenant_id = 777 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50000;
ALTER SYSTEM SET work_mem = '64MB';
SELECT pg_reload_conf();
