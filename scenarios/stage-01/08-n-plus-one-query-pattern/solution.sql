-- Not the slowest call: the statement with the most calls and the most total time.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 2) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 120) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.calls DESC
LIMIT 8;

\connect app_db

-- One items lookup, as the application sends it: a Seq Scan over all of order_items.
EXPLAIN SELECT id, sku, quantity, unit_cents FROM order_items
WHERE order_id = (SELECT floor(random() * 40000)::int + 1);

-- The foreign key exists, an index on order_id does not.
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'order_items';

-- Online, because checkout inserts into order_items all the time.
CREATE INDEX CONCURRENTLY order_items_order_id_idx ON order_items (order_id);

-- Check: an index scan touching a few pages.
EXPLAIN SELECT id, sku, quantity, unit_cents FROM order_items
WHERE order_id = (SELECT floor(random() * 40000)::int + 1);
