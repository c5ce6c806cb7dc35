-- Who is live, where? Ingestion and the dashboards work on analytics_db all the time; the shop's outbox on app_db.
SELECT datname, application_name, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY 1, 2;

\connect analytics_db

-- events holds about as many dead tuples as live ones, and nothing has vacuumed it.
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum, last_analyze,
       pg_size_pretty(pg_total_relation_size(relid)) AS total_size
FROM pg_stat_user_tables
ORDER BY n_dead_tup DESC;

-- Why not autovacuum? It is switched off for this table.
SELECT relname, reloptions FROM pg_class WHERE relname = 'events' AND relnamespace = 'public'::regnamespace;

-- In place, next to the live traffic: the dead space becomes reusable and the statistics current.
VACUUM (ANALYZE, VERBOSE) events;

-- And let autovacuum look after it from now on (a catalog change, no rewrite).
ALTER TABLE events RESET (autovacuum_enabled);

SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'events';
