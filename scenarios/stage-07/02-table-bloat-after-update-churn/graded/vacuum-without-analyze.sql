-- grade: detect 30, fix 30, trap 20
-- Looks at the dead tuples and the sessions, then runs a plain VACUUM and stops there: the space is reusable and the
-- applications work, but the statistics still describe a table a third heartbeats (no statistics-fresh), and the
-- question why autovacuum never came was not asked (no autovacuum-off-found).
\connect analytics_db
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum FROM pg_stat_user_tables WHERE relname = 'events';
SELECT application_name, state FROM pg_stat_activity WHERE datname = 'analytics_db';
VACUUM events;
