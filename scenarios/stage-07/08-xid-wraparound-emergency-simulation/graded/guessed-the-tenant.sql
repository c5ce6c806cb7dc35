-- grade: detect 25, fix 40, trap 20
-- "It's always tenant_b": the age is read for tenant_b alone, never compared with the other databases, so
-- nothing showed that tenant_b was the one (database-ages-compared is not earned). The rest is right: the
-- per-table ages in tenant_b, the freeze setting, and a database-wide freeze in place.
SELECT age(datfrozenxid) FROM pg_database WHERE datname = 'tenant_b';
SHOW autovacuum_freeze_max_age;
\connect tenant_b
SELECT relname, age(relfrozenxid) FROM pg_class WHERE relkind IN ('r', 't') ORDER BY 2 DESC LIMIT 20;
VACUUM (FREEZE, VERBOSE);
