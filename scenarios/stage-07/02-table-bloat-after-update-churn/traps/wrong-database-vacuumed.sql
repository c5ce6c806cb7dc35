-- Tempting: vacuum "events" from the shop's database, where the console happened to be. app_db has an events table
-- too (the shop's outbox), so this succeeds, and analytics_db is exactly as bloated as before.
\connect app_db
VACUUM ANALYZE events;
