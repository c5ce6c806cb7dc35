-- Last night's pipeline backfill, in analytics_db: it purged the client heartbeats (one event in three) and then
-- stamped a region on every remaining event. Every deleted row and every old row version stays behind as a dead
-- tuple, the new versions are appended at the end of the file, and autovacuum is switched off for this table.
\connect analytics_db
-- The sandbox commits asynchronously; a synchronous commit lets every later reader set the hint bits at once,
-- so what VACUUM can mark all-visible never depends on when the WAL writer woke up.
SET synchronous_commit = on;
DELETE FROM events WHERE event_type = 'heartbeat';
UPDATE events SET region = (ARRAY['eu-west', 'us-east', 'ap-south'])[1 + user_id % 3] WHERE region IS NULL;
