-- grade: detect 0, fix 40, trap 20
-- The right command typed from memory: a database-wide freeze of tenant_b, which is the fix, without a single
-- look at which database is old, at the ages of its tables or at why autovacuum never came. It works (full Fix,
-- no trap sprung), but nothing shows how tenant_b was chosen, and the raised autovacuum_freeze_max_age that
-- caused it all stays unnoticed.
\connect tenant_b
VACUUM (FREEZE);
