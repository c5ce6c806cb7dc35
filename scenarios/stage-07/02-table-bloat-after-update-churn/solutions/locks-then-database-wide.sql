-- Who holds locks on events right now (pg_locks joined to the sessions), the dead share from pg_stat_all_tables,
-- and the table's options. Then one database-wide VACUUM (ANALYZE) in analytics_db: the same SHARE UPDATE
-- EXCLUSIVE lock, table by table. Autovacuum comes back with per-table thresholds suited to a churned table.
\connect analytics_db
SELECT a.application_name, a.state, l.mode, l.granted
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.relation = 'public.events'::regclass;
SELECT schemaname, relname, n_live_tup, n_dead_tup, round(100.0 * n_dead_tup / nullif(n_live_tup + n_dead_tup, 0)) AS dead_pct
FROM pg_stat_all_tables WHERE schemaname = 'public';
SELECT c.relname, c.reloptions, pg_size_pretty(pg_relation_size(c.oid)) FROM pg_class c WHERE c.oid = 'public.events'::regclass;
VACUUM (ANALYZE);
ALTER TABLE events SET (autovacuum_enabled = true, autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);
