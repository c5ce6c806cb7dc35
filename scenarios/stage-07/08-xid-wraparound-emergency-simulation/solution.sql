-- Which database is aging? age(datfrozenxid) per database, against the ~2.1 billion (2^31) horizon.
-- The ride… rows are the sandbox's Reset copies, not part of the cluster's story.
SELECT datname, age(datfrozenxid) AS xid_age,
       round(100.0 * age(datfrozenxid) / 2147483647, 1) AS pct_of_limit,
       datallowconn
FROM pg_database
ORDER BY age(datfrozenxid) DESC;

-- Why did anti-wraparound autovacuum never start? It waits for autovacuum_freeze_max_age, raised to the maximum.
SELECT name, setting, boot_val FROM pg_settings
WHERE name IN ('autovacuum', 'autovacuum_freeze_max_age', 'vacuum_freeze_table_age', 'vacuum_freeze_min_age', 'vacuum_failsafe_age');

-- Who is working where: tenant_b is live (order service and reports), so nothing may lock it away.
SELECT datname, application_name, state, count(*)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY 1, 2;

\connect tenant_b

-- Every relation is old, the system catalogs and TOAST tables too, not only the big audit log:
-- datfrozenxid is the minimum of all of them.
SELECT c.relkind, count(*) AS relations, min(age(c.relfrozenxid)) AS youngest, max(age(c.relfrozenxid)) AS oldest
FROM pg_class c
WHERE c.relkind IN ('r', 'm', 't')
GROUP BY c.relkind;

SELECT c.oid::regclass AS relation, age(c.relfrozenxid) AS xid_age, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
FROM pg_class c
WHERE c.relkind IN ('r', 'm') AND c.relnamespace = 'public'::regnamespace
ORDER BY age(c.relfrozenxid) DESC;

-- The fix: freeze the whole database, online. Plain VACUUM's SHARE UPDATE EXCLUSIVE lock lets the
-- application keep reading and writing; no table name, so every relation (catalogs included) is done.
VACUUM (FREEZE, VERBOSE);

-- Confirm: tenant_b is young again.
SELECT datname, age(datfrozenxid) FROM pg_database WHERE datname = 'tenant_b';
