-- Tempting: "the audit table is empty and nothing writes to it, it must be broken: drop it and let the next
-- migration recreate it". The console's audit insert now fails, and an auditor gets no table at all.
\connect app_db
SELECT count(*) FROM access_audit;
DROP TABLE access_audit;
