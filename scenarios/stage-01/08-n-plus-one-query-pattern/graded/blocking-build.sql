-- grade: detect 40, fix 40, trap 10
-- The full diagnosis (calls, the plan, the missing index) and the right index, built with a plain
-- CREATE INDEX: it holds a SHARE lock on order_items for the whole build, so checkout's inserts
-- queue behind it. Everything earned except the drill's own trap on blocking builds.
SELECT calls, round(total_exec_time) AS total_ms, left(query, 90) FROM pg_stat_statements ORDER BY calls DESC LIMIT 5;
\connect app_db
EXPLAIN SELECT id, sku, quantity, unit_cents FROM order_items WHERE order_id = (SELECT floor(random() * 40000)::int + 1);
SELECT indexname FROM pg_indexes WHERE tablename = 'order_items';
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
