-- Catalog SQL instead of \d: the classic "foreign keys without an index on the referencing side"
-- query finds order_items_order_id_fkey at once. The index leads with order_id and adds the
-- primary key column after it, which serves the lookup just as well. Run from app_db throughout
-- (pg_stat_statements shows every database from any of them).
\connect app_db
SELECT s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 2) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 90) AS query
FROM pg_stat_statements s
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY s.calls DESC LIMIT 6;
SELECT c.conrelid::regclass AS table_name, c.conname, a.attname
FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
WHERE c.contype = 'f'
  AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]);
EXPLAIN SELECT id, sku, quantity, unit_cents FROM order_items
WHERE order_id = (SELECT floor(random() * 40000)::int + 1);
CREATE INDEX CONCURRENTLY order_items_order_id_id_idx ON order_items (order_id, id);
