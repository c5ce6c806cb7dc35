-- grade: detect 40, fix 40, trap 12
-- The rules are read and the action is run, but first the operator tried "give the app every right there is"
-- and never took it back: checkout works, and now runs as a superuser.
SELECT rolname, rolsuper, rolcanlogin FROM pg_roles WHERE rolname = 'app_user';
SELECT line_number, database, user_name, auth_method FROM pg_hba_file_rules ORDER BY line_number;
ALTER ROLE app_user SUPERUSER;
-- ride: action restore-app-pg-hba
