-- grade: detect 40, fix 20, trap 20
-- A careful diagnosis, then only half the repair: the payments role goes back to READ COMMITTED and the storm stops
-- at once. But transfer() still reads the balance without a lock and touches rows in argument order, so two
-- concurrent debits of one account can both pass the balance check: the overdraft bug the release set out to fix
-- is back.
SELECT datname, xact_commit, xact_rollback FROM pg_stat_database WHERE datname = 'app_db';
SELECT r.rolname, s.setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole;
\connect app_db
SELECT pg_get_functiondef('transfer'::regproc);
ALTER ROLE payments RESET default_transaction_isolation;
