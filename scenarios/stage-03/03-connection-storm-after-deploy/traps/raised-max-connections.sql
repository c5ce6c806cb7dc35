-- Tempting: "the deploy needs more connections now, give the server more". It only takes effect after a restart,
-- every extra backend costs memory, and the next release's warm-up would fill the new room just as fast.
ALTER SYSTEM SET max_connections = 200;
SELECT pg_reload_conf();
