-- The operator who knows that an old database makes even a plain VACUUM aggressive: once a table's
-- age(relfrozenxid) exceeds vacuum_freeze_table_age (150 million), VACUUM visits every page that is not
-- all-frozen and freezes every row older than vacuum_freeze_min_age, so a database-wide plain VACUUM (ANALYZE)
-- advances datfrozenxid as well as VACUUM FREEZE does (it leaves the youngest rows unfrozen, which is fine).
SELECT datname, age(datfrozenxid) FROM pg_database ORDER BY 2 DESC;
SHOW autovacuum_freeze_max_age;
SHOW vacuum_freeze_table_age;
\connect tenant_b
SELECT relname, relkind, age(relfrozenxid) FROM pg_class WHERE relkind IN ('r', 't', 'm') ORDER BY age(relfrozenxid) DESC LIMIT 15;
VACUUM (ANALYZE, VERBOSE);
SELECT datname, age(datfrozenxid) FROM pg_database WHERE datname = 'tenant_b';
