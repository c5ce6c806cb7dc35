-- A psql user's session: \dt+ and \d+ for the size and the options, every column of the statistics, the size
-- kept in a psql variable with \gset to compare after the VACUUM (the file does not shrink, the space is reused),
-- and VACUUM (FREEZE, ANALYZE), still a plain in-place VACUUM.
\connect analytics_db
\dt+ events
\d+ events
SELECT * FROM pg_stat_user_tables WHERE relname = 'events';
SELECT * FROM pg_stat_activity WHERE datname = 'analytics_db';
SELECT pg_relation_size('public.events') AS size_before \gset
VACUUM (FREEZE, ANALYZE, VERBOSE) events;
SELECT pg_size_pretty(:size_before::bigint) AS before, pg_size_pretty(pg_relation_size('public.events')) AS after,
       n_dead_tup FROM pg_stat_user_tables WHERE relname = 'events';
ALTER TABLE events RESET (autovacuum_enabled);
