-- Tempting: "shrink it back now", as suggested in the channel. VACUUM FULL rewrites events under an ACCESS EXCLUSIVE
-- lock: ingestion and every dashboard query queue behind it until the copy is done.
\connect analytics_db
VACUUM FULL events;
ANALYZE events;
