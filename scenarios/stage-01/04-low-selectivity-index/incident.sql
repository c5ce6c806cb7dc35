-- Release 6.1 adds an "Order history" page to every merchant's back office: the tenant's newest completed
-- orders. Its migration added no index: the reviewer noted that "status is already indexed". The page is the
-- order_history actor (startAfterIncident: true): it starts once this script has run. Nothing in the schema or
-- the data changes; the planner simply has no index that can find one tenant's rows, and the one on status
-- matches more than half the table, so it is ignored.
\connect app_db
SELECT 1;
