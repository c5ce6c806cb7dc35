-- grade: detect 0, fix 10, trap 16
-- Symptom treatment: app_db looks jammed, so everything connected to it is ended. The runner goes with the rest, so
-- the writers flow again (writers-unblocked), but the writers and 3.0 were victims (terminated-app-sessions), nobody
-- asked who blocked whom, and the other fronts are untouched.
SELECT datname, application_name, count(*) FROM pg_stat_activity GROUP BY 1, 2;
SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = 'app_db' AND pid <> pg_backend_pid();
