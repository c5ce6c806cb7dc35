-- Where does the time go? The checkout statement dominates.
SELECT d.datname, s.calls, round(s.total_exec_time) AS total_ms, round(s.mean_exec_time::numeric, 2) AS mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS query
FROM pg_stat_statements s
JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC
LIMIT 5;

-- Who holds the connections? checkout_retry_1..3: 24 retry sessions, all opened since checkout 3.0 went live.
SELECT application_name, state, count(*), min(backend_start) AS first_connected
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY application_name, state
ORDER BY 3 DESC;

\connect app_db

-- The plan of the checkout statement as the application sends it: Seq Scan on orders, then a Sort.
EXPLAIN SELECT id, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 50000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 1;

-- The cause first: equality columns, then the sort column. CONCURRENTLY, because the order worker keeps writing.
CREATE INDEX CONCURRENTLY idx_orders_checkout ON orders (user_id, status, created_at DESC);

-- Checkout is an index scan now, so retries stop being needed.
EXPLAIN SELECT id, total_cents, created_at FROM orders
WHERE user_id = (SELECT floor(random() * 50000)::int + 1) AND status = 'pending'
ORDER BY created_at DESC LIMIT 1;

-- Then the symptom: shed the retry sessions that still hold the slots.
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name LIKE 'checkout\_retry\_%';
