-- grade: detect 40, fix 25, trap 10
-- The right measurements (dead tuples, live sessions, the table's options), then the move the channel proposed:
-- VACUUM FULL, with ANALYZE afterwards. Ingestion and the dashboards wait for the whole rewrite (the vacuum-full
-- trap). Afterwards the applications work and the statistics are fresh, but the table was rewritten rather than
-- vacuumed in place, so dead-space-reclaimed is not earned.
\connect analytics_db
SELECT relname, n_live_tup, n_dead_tup, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_stat_user_tables;
SELECT application_name, state, count(*) FROM pg_stat_activity WHERE datname = 'analytics_db' GROUP BY 1, 2;
SELECT reloptions FROM pg_class WHERE relname = 'events';
VACUUM FULL events;
ANALYZE events;
