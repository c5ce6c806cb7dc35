-- grade: detect 40, fix 0, trap 15
-- A thorough diagnosis (the per-database ages, the per-table ages in tenant_b, the freeze settings), then the
-- wrong conclusion: the audit log is the biggest and oldest user table, so only it is frozen. Its relfrozenxid
-- is young now, but datfrozenxid is the minimum over every relation of the database and the others, system
-- catalogs included, are still 1.5 billion old: the alert stays exactly where it was (no Fix, and the
-- single-table-freeze trap).
SELECT datname, age(datfrozenxid) FROM pg_database ORDER BY 2 DESC;
SHOW autovacuum_freeze_max_age;
\connect tenant_b
SELECT relname, age(relfrozenxid), pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class
WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC;
VACUUM (FREEZE, VERBOSE) order_events;
SELECT relname, age(relfrozenxid) FROM pg_class WHERE relname = 'order_events';
