-- Only pending orders matter to checkout: a partial index on (user_id, created_at DESC) for them is smaller and
-- serves the statement as well. Then a DO block ends the retry sessions and says how many.
SELECT query, calls, total_exec_time FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
SELECT * FROM pg_stat_activity WHERE backend_type = 'client backend';
\connect app_db
EXPLAIN (ANALYZE, BUFFERS) SELECT id, total_cents, created_at FROM orders
WHERE user_id = 4242 AND status = 'pending' ORDER BY created_at DESC LIMIT 1;
CREATE INDEX CONCURRENTLY orders_pending_user_created_idx ON orders (user_id, created_at DESC) WHERE status = 'pending';
DO $$
DECLARE
    r record;
    n int := 0;
BEGIN
    FOR r IN SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'checkout\_retry\_%' LOOP
        IF pg_terminate_backend(r.pid) THEN
            n := n + 1;
        END IF;
    END LOOP;
    RAISE NOTICE 'ended % checkout_retry sessions', n;
END
$$;
