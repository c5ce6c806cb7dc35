-- The incident is carried by an actor, not by a change in the database: right after this script a connection
-- warm-up tool (application_name pool_holder), started with checkout's credentials, opens four sessions through
-- the pooler, runs one query on each and then keeps them open without using them. In session pooling each of them
-- keeps the server connection it was given, and with the order worker's one they fill the pool of app_db/app_user
-- (default_pool_size 5). This script only marks the moment.
\connect app_db
SELECT 'pool_holder connects next' AS incident;
