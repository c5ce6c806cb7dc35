-- grade: detect 15, fix 0, trap 12
-- The limit was read, who holds the connections was not; then the limit was raised again "for the sale".
-- Nothing is shed, and the trap on raising the limit is sprung.
SELECT count(*) FROM pg_stat_activity;
SHOW max_connections;
ALTER SYSTEM SET max_connections = 1500;
SELECT pg_reload_conf();
