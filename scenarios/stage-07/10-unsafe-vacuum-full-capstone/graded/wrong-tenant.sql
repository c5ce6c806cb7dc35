-- grade: detect 20, fix 0, trap 15
-- Looks at the live sessions (Detect for that), but checks the dead tuples and vacuums in tenant_a, where the
-- psql session happened to be: tenant_a has an orders table too, so everything succeeds and tenant_b stays as
-- bloated as before. The dead-tuple look ran where the fault cannot be seen (no Detect for it), nothing was fixed,
-- and the change in the wrong tenant costs the wrong-tenant trap.
SELECT datname, application_name, state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3;
\connect tenant_a
SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables;
VACUUM (ANALYZE) orders;
