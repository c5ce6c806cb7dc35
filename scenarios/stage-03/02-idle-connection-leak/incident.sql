-- The report service's export job leaks the database connection of every export whose upload fails: the
-- connection is never closed or returned, and sits idle (no transaction) for as long as the process lives.
-- Sixteen leaked connections have piled up since the service started (the report_leak_morning actor). The
-- next failed exports leak six more (report_leak_now, startAfterIncident: true), which takes the last slots the
-- applications may use. Both actors have reconnect: false: nobody holds a reference to a leaked connection, so
-- once the server ends one it is gone for good. Nothing in the schema or the data changes.
\connect app_db
SELECT 1;
