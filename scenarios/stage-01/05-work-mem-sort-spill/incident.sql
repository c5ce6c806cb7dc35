-- 09:00: the accounting partner's reconciliation sync is switched on for every merchant. Every few hundred
-- milliseconds it asks for one merchant's newest 1,000 orders. That is the accounting_sync actor
-- (startAfterIncident: true): it starts once this script has run. Nothing in the schema, the data or the settings
-- changes; the sync's sort simply does not fit in the server's small work_mem, so each request writes it to disk.
\connect app_db
SELECT 1;
