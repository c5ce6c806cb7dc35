-- A psql user's session: \dt+ for the size, every column of the table's statistics and of tenant_b's sessions,
-- then VACUUM (FREEZE, ANALYZE) in place (FREEZE is still a plain VACUUM, no exclusive lock). As a follow-up it gives
-- orders its own autovacuum thresholds, so the next purge is cleaned up without anyone: a reloption change, no rewrite.
\connect tenant_b
\dt+ orders
SELECT * FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT * FROM pg_stat_activity WHERE datname = 'tenant_b';
VACUUM (FREEZE, ANALYZE, VERBOSE) orders;
ALTER TABLE orders SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0.05,
                        autovacuum_analyze_threshold = 1000, autovacuum_analyze_scale_factor = 0.05);
