-- Rule out privileges first (CONNECT on app_db, SELECT on orders), from app_db itself, then find the rule that
-- refuses the login and restore the file.
\connect app_db
SELECT has_database_privilege('app_user', 'app_db', 'CONNECT') AS can_connect,
       has_table_privilege('app_user', 'orders', 'SELECT') AS can_read_orders;
SELECT line_number, database, user_name, auth_method
FROM pg_hba_file_rules
WHERE auth_method = 'reject' OR 'app_user' = ANY (user_name);
-- ride: action restore-app-pg-hba
