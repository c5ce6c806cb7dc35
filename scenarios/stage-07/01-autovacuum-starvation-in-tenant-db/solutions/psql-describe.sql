-- A psql user's session: \d+ orders in a healthy tenant and in tenant_b (psql's describe query
-- reads reloptions, and shows "autovacuum_enabled=false" under Options for tenant_b only), the
-- dead-row statistics from pg_stat_all_tables, then SET rather than RESET and a plain VACUUM.
\connect tenant_c
\d+ orders
\connect tenant_b
\d+ orders
SELECT relname, n_live_tup, n_dead_tup, last_autovacuum, last_vacuum
FROM pg_stat_all_tables WHERE schemaname = 'public';
ALTER TABLE orders SET (autovacuum_enabled = on);
VACUUM orders;
