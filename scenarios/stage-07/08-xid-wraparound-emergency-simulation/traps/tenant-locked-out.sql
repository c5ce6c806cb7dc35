-- Tempting: old advice says to take a wraparound emergency offline, so new connections to tenant_b are shut
-- out "while the freeze runs". The freeze itself is right, but every new connection of tenant_b's application
-- is now refused: an outage that 1.5 billion (600 million transactions of headroom) never called for.
ALTER DATABASE tenant_b WITH CONNECTION LIMIT 0;
\connect tenant_b
VACUUM (FREEZE, VERBOSE);
