-- The incident is the state the actors build: max_connections was raised to 1000 to end an earlier
-- "too many clients" outage (the scenario's settings), and the inventory service's four pods have since kept
-- every connection their pools ever opened: 8 that the pools keep as their minimum (inventory_pool) and 60
-- surplus connections, idle since the pools grew (inventory_surplus_a/b, reconnect: false: a pool whose
-- minimum is already met does not replace a surplus connection the server ends). Nothing in the schema or the
-- data changes.
\connect app_db
SELECT 1;
