-- The incident itself is carried by the actors: API 7.0's connection pool opens 24 connections at start-up
-- and keeps them (23 idle, 1 serving long-polls), leaving no room under max_connections = 30 for the
-- storefront, which opens a connection per page view. This script only records the deploy, as the
-- release pipeline would.
\connect app_db
INSERT INTO deploys (service, version, deployed_at, notes)
VALUES ('api', '7.0.0', now(), 'connection pool: minimumIdle 5 -> 24, maximumPoolSize 24 (avoid cold-start latency)');
