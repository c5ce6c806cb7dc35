-- A psql user's session: \du for the role, \x for readable rules, then the action, then proof that the reject
-- lines are gone.
\du app_user
\x on
SELECT * FROM pg_hba_file_rules WHERE 'app_user' = ANY (user_name) OR 'app_db' = ANY (database);
\x off
-- ride: action restore-app-pg-hba
SELECT line_number, type, database, user_name, auth_method FROM pg_hba_file_rules ORDER BY line_number;
