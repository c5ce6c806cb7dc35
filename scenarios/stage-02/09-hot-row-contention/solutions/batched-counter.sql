-- The architectural fix, applied live instead of ending the job: the counter stops being one hot row. Every claim
-- appends a delta row (inserts never wait for each other), and the sale page adds the deltas to the counter.
-- The importer keeps running and nothing queues any more; a periodic job can later fold the deltas into
-- sales.claimed. Done in one transaction so that no claim is counted twice or not at all.
SELECT application_name, wait_event_type, wait_event, count(*)
FROM pg_stat_activity WHERE datname = 'app_db' GROUP BY 1, 2, 3 ORDER BY 4 DESC;
SELECT pid, application_name, pg_blocking_pids(pid), left(query, 60) FROM pg_stat_activity WHERE wait_event_type = 'Lock';
\connect app_db
SELECT proname, prosrc FROM pg_proc WHERE proname IN ('record_claim', 'sale_status', 'import_offline_claim');

BEGIN;
CREATE TABLE sale_claim_deltas (
    sale_id    integer     NOT NULL REFERENCES sales (id),
    delta      integer     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON sale_claim_deltas TO shop_app, importer;

CREATE OR REPLACE FUNCTION record_claim(p_sale integer, p_customer integer, p_channel text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_claim bigint;
BEGIN
    -- Stock check without locking the sale row (a flash sale's stock is far from running out; an overshoot of a
    -- few claims is settled when the deltas are folded).
    PERFORM 1 FROM sale_status(p_sale) WHERE remaining > 0;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'sale % is sold out or unknown', p_sale;
    END IF;
    INSERT INTO sale_claim_deltas (sale_id, delta) VALUES (p_sale, 1);
    INSERT INTO claims (sale_id, customer_id, channel) VALUES (p_sale, p_customer, p_channel)
    RETURNING id INTO v_claim;
    RETURN v_claim;
END
$$;

CREATE OR REPLACE FUNCTION sale_status(p_sale integer)
RETURNS TABLE (sale_id integer, name text, stock integer, claimed integer, remaining integer)
LANGUAGE sql STABLE AS $$
    SELECT s.id, s.name, s.stock, c.claimed, s.stock - c.claimed
    FROM sales s
    CROSS JOIN LATERAL (SELECT s.claimed + coalesce(sum(d.delta), 0)::integer AS claimed
                        FROM sale_claim_deltas d WHERE d.sale_id = s.id) AS c
    WHERE s.id = p_sale
$$;
COMMIT;
