-- The emergency runbook style: freeze relation by relation, the oldest first, so that the worst ones are done
-- even if the job is interrupted, and every relation of the database is covered, the shared and system
-- catalogs included (psql's \gexec runs each generated statement; TOAST tables go with their tables).
-- datfrozenxid moves once the last one is done.
SELECT datname, age(datfrozenxid), current_setting('autovacuum_freeze_max_age') AS freeze_max_age
FROM pg_database ORDER BY 2 DESC;
\connect tenant_b
SELECT count(*) AS relations, max(age(relfrozenxid)) AS oldest
FROM pg_class WHERE relkind IN ('r', 'm');
SELECT format('VACUUM (FREEZE) %s', c.oid::regclass)
FROM pg_class c
WHERE c.relkind IN ('r', 'm')
ORDER BY age(c.relfrozenxid) DESC, pg_relation_size(c.oid) DESC, c.oid
\gexec
SELECT datname, age(datfrozenxid) FROM pg_database WHERE datname = 'tenant_b';
