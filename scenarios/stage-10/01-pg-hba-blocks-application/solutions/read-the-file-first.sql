-- An operator who trusts the file more than any view: where is it, what is in it, does the database accept
-- connections at all? Then the safe action, and a look at the rules it left.
SHOW hba_file;
SELECT pg_read_file('pg_hba.conf');
SELECT datname, datallowconn, datconnlimit FROM pg_database WHERE datname = 'app_db';
-- ride: action restore-app-pg-hba
SELECT count(*) AS reject_rules FROM pg_hba_file_rules WHERE auth_method = 'reject';
