-- 10:00: the support console's "account timeline" feature flag is switched on. For the account an agent has open,
-- it lists the refunds the provider reported, by JSONB containment (payload @> '{"account": ..., "type":
-- "charge.refunded"}'). That is the account_timeline actor (startAfterIncident: true): it starts once this script
-- has run. Nothing in the schema or the data changes; last week's B-tree on payload simply cannot answer @>.
\connect app_db
SELECT 1;
