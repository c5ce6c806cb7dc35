-- A psql user's session: every database's age listed, tenant_b's age kept in a psql variable with \gset, the
-- freeze settings from pg_settings, the tables' ages in tenant_b, then the freeze in its old spelling
-- (VACUUM FREEZE VERBOSE) and the age before and after, side by side.
SELECT datname, age(datfrozenxid), datallowconn FROM pg_database ORDER BY age(datfrozenxid) DESC;
SELECT age(datfrozenxid) AS age_before FROM pg_database WHERE datname = 'tenant_b' \gset
SELECT name, setting FROM pg_settings WHERE name LIKE '%freeze%' ORDER BY name;
\connect tenant_b
SELECT relname, age(relfrozenxid) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace;
SELECT n.nspname, count(*), min(age(c.relfrozenxid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 't') GROUP BY 1 ORDER BY 1;
VACUUM FREEZE VERBOSE;
SELECT :age_before AS age_before, age(datfrozenxid) AS age_after FROM pg_database WHERE datname = 'tenant_b';
