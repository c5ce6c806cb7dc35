-- grade: detect 0, fix 40, trap 20
-- The textbook fix from memory ("it's always the API pool"), with nothing looked at first.
-- The fix is right and earns its points; the diagnosis earns none.
ALTER ROLE api_worker CONNECTION LIMIT 10;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'api_worker' AND state = 'idle';
