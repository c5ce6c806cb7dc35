-- Tempting: "the audit log is the big old one, give it the full treatment", then freeze the rest. VACUUM FULL
-- does freeze what it copies, but it rewrites order_events and rebuilds its indexes under an ACCESS EXCLUSIVE
-- lock: tenant_b's order service and reports queue behind it until the copy is done, on a production-sized
-- table for hours. Freezing needs nothing more than plain VACUUM.
\connect tenant_b
VACUUM (FULL, FREEZE, VERBOSE) order_events;
VACUUM (FREEZE);
