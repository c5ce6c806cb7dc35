-- grade: detect 40, fix 0, trap 15
-- Every measurement right (index sizes, the table's statistics, the sessions), then the wrong conclusion: a VACUUM.
-- The index keeps its size, nothing is fixed, and relying on VACUUM for an index is the trap.
\connect tenant_b
SELECT indexrelname, pg_size_pretty(pg_relation_size(indexrelid)) FROM pg_stat_user_indexes WHERE relname = 'orders';
SELECT relname, n_live_tup, n_dead_tup, last_vacuum FROM pg_stat_user_tables WHERE relname = 'orders';
SELECT application_name, count(*) FROM pg_stat_activity WHERE datname = 'tenant_b' GROUP BY 1;
VACUUM (ANALYZE, VERBOSE) orders;
