-- Tempting: "free the slots by kicking everyone off" (takes the order worker and the metrics exporter down with the API pool).
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE backend_type = 'client backend'
  AND pid <> pg_backend_pid();
