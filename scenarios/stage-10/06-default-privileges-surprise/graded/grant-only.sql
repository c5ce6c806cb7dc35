-- grade: detect 20, fix 25, trap 20
-- The table privileges are looked at and the grant goes back, so the order pages work. The default privileges are
-- never looked at or fixed: the next table the migrator creates breaks the application the same way.
\connect app_db
\dp new_orders
GRANT SELECT ON new_orders TO app_user;
