-- grade: detect 5, fix 30, trap 12
-- "The server is full" confirmed with a bare count and the limit, then every idle connection ended. The leak is
-- gone and the storefront gets in, but the healthy admin pool (and the order worker, between two updates) were
-- ended too, nobody looked at who held the slots, and nothing stops the leak from coming back.
SELECT count(*) FROM pg_stat_activity;
SHOW max_connections;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'idle' AND pid <> pg_backend_pid();
