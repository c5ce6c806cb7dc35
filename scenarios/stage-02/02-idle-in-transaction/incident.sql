-- Fulfilment worker 4.2 ships an order and issues its invoice in one transaction, and between the INSERT and the
-- COMMIT it calls the carrier's label API. One of those calls never returned: that request's connection sits
-- idle in transaction, holding the row lock on the INV counter. The stuck request is the stuck_request actor
-- (application_name fulfillment_worker, startAfterIncident: true, reconnect: false): it connects once this
-- script has run. Nothing in the schema or the data changes.
\connect app_db
SELECT 1;
