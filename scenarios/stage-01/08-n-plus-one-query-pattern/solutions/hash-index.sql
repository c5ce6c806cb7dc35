-- The lookup is a pure equality on order_id, so a hash index serves it as well as a B-tree.
-- The investigation reads pg_stat_statements with SELECT * (calls and total time included),
-- pg_indexes for the table, and the plan. Shows that the Fix checks judge the lookup's cost,
-- not the kind of index.
SELECT * FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
\connect app_db
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'order_items';
EXPLAIN SELECT id, sku, quantity, unit_cents FROM order_items
WHERE order_id = (SELECT floor(random() * 40000)::int + 1);
CREATE INDEX CONCURRENTLY order_items_order_id_hash_idx ON order_items USING hash (order_id);
