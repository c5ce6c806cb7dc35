-- grade: detect 15, fix 20, trap 14
-- The dead rows are found in tenant_b, but the question "why does autovacuum skip this table?"
-- is never asked: no storage parameters, no healthy tenant to compare with. Autovacuum is made
-- more aggressive for the whole server and the table is vacuumed by hand. The backlog is
-- cleared (20), the override that caused it stays (it will all come back), and a server-wide
-- setting was changed for one table's problem (the drill's global-autovacuum trap).
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;
ALTER SYSTEM SET autovacuum_vacuum_scale_factor = 0.02;
SELECT pg_reload_conf();
VACUUM ANALYZE orders;
