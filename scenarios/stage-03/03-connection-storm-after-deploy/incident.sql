-- The incident is carried by the deploy_worker actor (startAfterIncident: true): release 8.3 of the storefront
-- backend ran its post-deploy cache warm-up, which starts 22 workers at once, each with its own direct
-- connection, each looping over its shard of the catalogue. They connect within the same second and take
-- every slot the applications had left. They have reconnect: false: a warm-up task whose connection is ended
-- fails and is not retried (the release still serves, only with cold caches). Nothing in the schema or the
-- data changes.
\connect app_db
SELECT 1;
