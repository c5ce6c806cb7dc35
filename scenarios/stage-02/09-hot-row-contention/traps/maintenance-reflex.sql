-- Tempting: "a row updated thousands of times a minute must be bloated; vacuum it and refresh the statistics".
-- A plain VACUUM does not block the shop, but a queue for one row lock is not bloat: it changes nothing, and then
-- the operator still has to end the importer's workers.
\connect app_db
VACUUM ANALYZE sales;
\connect incident
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'claims_importer';
