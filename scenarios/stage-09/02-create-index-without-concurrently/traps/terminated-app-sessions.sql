-- Tempting: "the writers are stuck, kill them and let the pool reconnect". They were only waiting for the runner's
-- lock; their replacements wait for it too, and the in-flight orders are lost.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('app_writer', 'account_page');
