-- Who holds locks on orders right now (pg_locks joined to the sessions), the dead tuples from pg_stat_all_tables,
-- and the autovacuum thresholds that explain why nobody cleaned up. Then one database-wide VACUUM (ANALYZE) in
-- tenant_b: it takes the same SHARE UPDATE EXCLUSIVE lock, table by table, and orders is the only table there.
\connect tenant_b
SELECT a.application_name, a.state, l.mode, l.granted
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.relation = 'public.orders'::regclass;
SELECT schemaname, relname, n_live_tup, n_dead_tup, round(100.0 * n_dead_tup / nullif(n_live_tup + n_dead_tup, 0)) AS dead_pct
FROM pg_stat_all_tables WHERE schemaname = 'public';
SELECT name, setting FROM pg_settings WHERE name ~ '^autovacuum_(vacuum|analyze)';
VACUUM (ANALYZE);
