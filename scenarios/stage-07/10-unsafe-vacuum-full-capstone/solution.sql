-- Who is live, where? tenant_b's shop and checkout never stop, and neither do the other tenants.
SELECT datname, application_name, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY 1, 2;

\connect tenant_b

-- Two thirds of orders are dead tuples, and neither VACUUM nor autovacuum has been near it.
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum, last_analyze,
       pg_size_pretty(pg_total_relation_size(relid)) AS total_size
FROM pg_stat_user_tables
ORDER BY n_dead_tup DESC;

-- Why not autovacuum? Its thresholds are far above this table's dead tuple count.
SELECT name, setting FROM pg_settings WHERE name LIKE 'autovacuum%threshold' OR name LIKE 'autovacuum%scale_factor';

-- In place, next to the live traffic: space becomes reusable, statistics become current.
VACUUM (ANALYZE, VERBOSE) orders;

SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'orders';
