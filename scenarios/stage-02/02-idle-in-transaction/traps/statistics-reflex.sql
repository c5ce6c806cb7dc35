-- Tempting: "refresh the statistics and clean up, checkout's plan must have gone bad".
\connect app_db
VACUUM ANALYZE invoice_counters;
ANALYZE invoices;
