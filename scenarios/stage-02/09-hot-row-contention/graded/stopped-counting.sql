-- grade: detect 40, fix 30, trap 20
-- The hot row was found, and taken out of the path: claims are still recorded but no longer counted. Nothing
-- queues any more and checkout works, but the sale page's counter freezes and no longer matches the claims, and
-- the stock limit is gone with it.
SELECT application_name, wait_event_type, wait_event, count(*)
FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
SELECT locktype, relation::regclass, page, tuple, pid, granted FROM pg_locks WHERE NOT granted;
\connect app_db
CREATE OR REPLACE FUNCTION record_claim(p_sale integer, p_customer integer, p_channel text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_claim bigint;
BEGIN
    INSERT INTO claims (sale_id, customer_id, channel) VALUES (p_sale, p_customer, p_channel)
    RETURNING id INTO v_claim;
    RETURN v_claim;
END
$$;
