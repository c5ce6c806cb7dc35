-- A back-office user opens a transaction in the console, raises every price by 5 % and never commits.
-- That session is the console actor (backoffice_console, startAfterIncident: true): it connects as soon as
-- this script has run, and its UPDATE takes a row lock on every product. Nothing else changes.
\connect app_db
