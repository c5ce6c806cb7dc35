-- grade: detect 20, fix 0, trap 20
-- Treats the symptom: sees the dead rows and vacuums again, harder. VACUUM VERBOSE even says the rows are "not yet
-- removable", but the operator never looks for the transaction behind it, so nothing changes (no Fix) and the
-- holder is never found (half of Detect). No dangerous move was made.
\connect tenant_b
SELECT relname, n_dead_tup, last_vacuum, last_autovacuum FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;
VACUUM (VERBOSE, ANALYZE) orders;
VACUUM (ANALYZE) carts;
