-- grade: detect 0, fix 0, trap 15
-- psql was still connected to tenant_a: the statistics read there look normal, and the VACUUM
-- lands on the healthy tenant. Nothing in tenant_b was looked at (a look at a healthy tenant
-- alone is no comparison), nothing was fixed, and a change ran outside the tenant it belongs
-- in (the catalog's wrong-database trap).
\connect tenant_a
SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables;
VACUUM ANALYZE orders;
