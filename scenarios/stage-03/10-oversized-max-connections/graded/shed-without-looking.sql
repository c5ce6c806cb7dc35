-- grade: detect 0, fix 40, trap 20
-- The right sessions ended from memory ("it's the inventory pools again"), with nothing looked at first.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inventory_api' AND state = 'idle';
