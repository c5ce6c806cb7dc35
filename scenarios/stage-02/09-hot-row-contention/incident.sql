-- At 09:00 the mobile team started the offline-claims importer to replay the flash-sale claims the app had
-- queued while it was offline: sixteen workers in parallel, each calling import_offline_claim(1, customer) in a
-- tight loop. Each call locks sale 1's counter row and keeps it through the push notification (about 150 ms),
-- so the row serves one claim at a time and everything else queues for it. The importer is the importer actor
-- (startAfterIncident: true, reconnect: false: a terminated worker is not restarted). Nothing in the schema or
-- the data changes.
\connect app_db
SELECT 1;
