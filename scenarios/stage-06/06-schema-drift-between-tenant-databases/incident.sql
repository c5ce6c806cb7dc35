-- Nothing is deployed and no schema changes: tenant B is switched on for the marketplace sync today. The
-- sync_tenant_b actor (startAfterIncident: true) is that switch: from now on the sync runs against tenant_b as it
-- has run against tenant_a and tenant_c for a year, and meets the drift that was already there.
\connect tenant_b
SELECT 1;
