-- The resolution checked the way the application sees it: to_regclass under the application's path, in a
-- transaction that is rolled back. Then the fix, and the same look again in a fresh path to confirm.
SELECT setdatabase, setrole::regrole, setconfig FROM pg_db_role_setting;
\connect app_db
BEGIN;
SET LOCAL search_path = "$user", public, app;
SELECT to_regclass('products') AS products_resolves_to, to_regclass('orders') AS orders_resolves_to;
ROLLBACK;
ALTER ROLE app_user IN DATABASE app_db SET search_path = app, pg_catalog;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CREATE ON SCHEMA public TO bi_loader;
