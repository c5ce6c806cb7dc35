-- Tempting: "there is an index on status and the planner refuses it; make it use the index". With sequential
-- scans off for the whole database, the page does go through orders_status_idx, but that index hands over more
-- than half the table, so the bitmap scan reads every page anyway and costs more than the scan it replaced. And
-- every other query in app_db is pushed around too.
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, customer_id, total_cents, created_at FROM orders
WHERE tenant_id = 17 AND status = 'completed' ORDER BY created_at DESC LIMIT 20;
ALTER DATABASE app_db SET enable_seqscan = off;
