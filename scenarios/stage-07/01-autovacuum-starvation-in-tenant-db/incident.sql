-- The nightly statistics job: ANALYZE runs from cron on every tenant. In tenant_b it finds the dead rows
-- (pg_stat_user_tables.n_dead_tup), but ANALYZE never removes them, and autovacuum is off for that table.
\connect tenant_a
ANALYZE orders;
\connect tenant_b
ANALYZE orders;
\connect tenant_c
ANALYZE orders;
