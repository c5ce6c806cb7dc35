-- The weekly "unused index" cleanup ran against the primary. It trusted idx_scan counters
-- that had been reset the night before, so the dashboard's index looked unused and was dropped.
\connect app_db
DROP INDEX orders_user_status_created_idx;
