-- Release 5.3 adds a "Ready to ship" panel to every tenant's dashboard: the tenant's newest paid orders. Its
-- migration added no index: the reviewer agreed that orders_status_created_tenant_idx "already has status,
-- created_at and tenant_id". It has them in the wrong order for this query. The panel is the dashboard actor
-- (startAfterIncident: true): it starts once this script has run. Nothing in the schema or the data changes.
\connect app_db
SELECT 1;
