-- The role itself: can it log in at all, is it locked out by an expiry or a connection limit?
SELECT rolname, rolcanlogin, rolvaliduntil, rolconnlimit FROM pg_roles WHERE rolname = 'app_user';
-- The rules in the order the server applies them: a reject line for app_user and app_db sits above the rest.
SELECT line_number, type, database, user_name, address, auth_method, error
FROM pg_hba_file_rules
ORDER BY line_number;
-- Put Ride's rules back and reload.
-- ride: action restore-app-pg-hba
SELECT line_number, type, database, user_name, auth_method FROM pg_hba_file_rules ORDER BY line_number;
