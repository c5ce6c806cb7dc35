-- Tempting: "the table is three times too big, VACUUM FULL gives the space back".
-- It rewrites the table under an ACCESS EXCLUSIVE lock: tenant B's application stops until it finishes.
\connect tenant_b
ALTER TABLE orders RESET (autovacuum_enabled);
VACUUM FULL orders;
