-- The comparison route: the same statistics view in the shop's database and in analytics_db, then who works where,
-- then the options of both tables (autovacuum is off for the analytics one only), then plain VACUUM and ANALYZE as
-- two commands (the same locks as VACUUM (ANALYZE)). Turning autovacuum back on is left as a follow-up ticket.
\connect app_db
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum FROM pg_stat_user_tables;
\connect analytics_db
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum FROM pg_stat_user_tables;
SELECT datname, application_name, count(*) FROM pg_stat_activity WHERE datname IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;
SELECT relname, reloptions FROM pg_class WHERE relname = 'events';
VACUUM events;
ANALYZE events;
