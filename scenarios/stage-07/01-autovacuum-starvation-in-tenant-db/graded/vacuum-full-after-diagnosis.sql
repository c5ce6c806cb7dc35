-- grade: detect 40, fix 40, trap 12
-- A complete investigation and autovacuum switched back on, then VACUUM FULL "to give the space
-- back": the backlog is gone and the table is healthy afterwards (Fix judges that outcome), but
-- the rewrite held an ACCESS EXCLUSIVE lock and stopped tenant B's application while it ran.
-- The drill's main trap.
\connect tenant_a
SELECT relname, n_live_tup, n_dead_tup, last_autovacuum FROM pg_stat_user_tables;
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup, last_autovacuum FROM pg_stat_user_tables;
SELECT relname, reloptions FROM pg_class WHERE reloptions IS NOT NULL;
ALTER TABLE orders RESET (autovacuum_enabled);
VACUUM FULL orders;
