-- Tempting: "the shop's sessions are all hung, kill them and let the pools reconnect". They were only waiting for
-- the VACUUM FULL's lock; their replacements queue behind it too, and the in-flight requests are lost.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('storefront_api', 'order_api');
