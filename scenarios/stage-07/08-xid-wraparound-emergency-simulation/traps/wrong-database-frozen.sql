-- Tempting: the console is still on tenant_a from the last ticket, and "VACUUM FREEZE the tenant database" runs
-- right there. It succeeds and freezes a healthy database; tenant_b is exactly as old as before.
\connect tenant_a
VACUUM (FREEZE, VERBOSE);
