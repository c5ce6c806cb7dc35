-- The comparison route: the same statistics view in a healthy tenant and in tenant_b, then who works on which
-- database, then the plain VACUUM and the ANALYZE as two separate commands (the same locks as VACUUM (ANALYZE)).
\connect tenant_a
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum FROM pg_stat_user_tables;
\connect tenant_b
SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum FROM pg_stat_user_tables;
SELECT datname, application_name, count(*) FROM pg_stat_activity WHERE datname LIKE 'tenant_%' GROUP BY 1, 2 ORDER BY 1, 2;
VACUUM orders;
ANALYZE orders;
