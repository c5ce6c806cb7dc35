-- Tempting: "idle connections are wasted connections, end them all". The storefront admin pool's warm
-- connections are idle too, and healthy; the order worker's sessions are idle between two updates.
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
  AND state = 'idle'
  AND pid <> pg_backend_pid();
