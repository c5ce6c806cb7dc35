-- The fast freeze: with the clock running, skip index vacuuming (what vacuum_failsafe_age would do
-- by itself) and let the next routine VACUUM clean the indexes. Still plain, in-place VACUUM under
-- SHARE UPDATE EXCLUSIVE, database-wide in tenant_b. The headroom is computed first: 2^31 minus the age.
SELECT datname, age(datfrozenxid) AS xid_age, 2147483647 - age(datfrozenxid) AS xids_left
FROM pg_database WHERE datallowconn ORDER BY 2 DESC;
SELECT current_setting('autovacuum_freeze_max_age')::bigint AS freeze_max_age,
       current_setting('vacuum_failsafe_age')::bigint AS failsafe_age;
SELECT application_name, datname, count(*) FROM pg_stat_activity WHERE datname IS NOT NULL GROUP BY 1, 2;
\connect tenant_b
SELECT oid::regclass, age(relfrozenxid), relallvisible, relpages FROM pg_class
WHERE relkind IN ('r', 't', 'm') ORDER BY age(relfrozenxid) DESC, relpages DESC LIMIT 10;
VACUUM (FREEZE, INDEX_CLEANUP OFF, VERBOSE);
SELECT age(datfrozenxid) FROM pg_database WHERE datname = current_database();
