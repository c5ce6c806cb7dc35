-- grade: detect 40, fix 20, trap 10
-- The right measurements (dead tuples, live sessions), then the move the incident channel proposed: VACUUM FULL, with
-- ANALYZE afterwards. The shop waits for the whole rewrite (the vacuum-full trap). Afterwards the applications work
-- and the statistics are fresh (half of Fix), but the table was rewritten rather than vacuumed in place: no page
-- is all-visible, and the briefing's "without an outage" was not met, so dead-space-reclaimed is not earned.
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_stat_user_tables;
SELECT application_name, state, count(*) FROM pg_stat_activity WHERE datname = 'tenant_b' GROUP BY 1, 2;
VACUUM FULL orders;
ANALYZE orders;
