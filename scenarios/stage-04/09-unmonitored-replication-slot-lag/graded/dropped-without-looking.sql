-- grade: detect 0, fix 40, trap 20
-- The analytics team's old connector is remembered, and its slot dropped straight away. Right, and nothing was
-- measured first: nobody confirmed it was the slot keeping the WAL, or that nothing else was.
\connect app_db
SELECT pg_drop_replication_slot('old_analytics_slot');
