-- Tempting: "stop whoever logs in as app_user from taking more than 12 connections". The warm-up shares that role
-- with the storefront, checkout and the order worker, so the cap rations the real traffic together with the storm.
-- The storm is shed correctly afterwards; the cap is the one wrong move.
SELECT application_name, usename, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2;
ALTER ROLE app_user CONNECTION LIMIT 12;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'deploy_worker';
