-- Tempting: "checkout's role has clogged the pool, so clear out every app_user session in app_db and let the
-- applications reconnect". It frees the pool, but the healthy order worker loses its session with pool_holder's.
-- ride: node pooler1
SHOW POOLS;
-- ride: node primary
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND usename = 'app_user';
