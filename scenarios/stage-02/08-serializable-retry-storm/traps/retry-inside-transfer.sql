-- Tempting: "serialization failures are expected at SERIALIZABLE, the manual says retry". But the retry goes
-- inside transfer(), that is inside the transaction that already failed: it keeps the same snapshot, so every
-- attempt meets the same newer row version and fails the same way, and the rows are still touched in argument
-- order. The loop only adds work to the storm.
SELECT datname, xact_rollback FROM pg_stat_database WHERE datname = 'app_db';
\connect app_db
SELECT pg_get_functiondef('transfer'::regproc);
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_balance numeric;
    v_id      bigint;
    v_attempt int := 0;
BEGIN
    LOOP
        v_attempt := v_attempt + 1;
        BEGIN
            SELECT balance INTO v_balance FROM accounts WHERE id = p_from;
            IF v_balance IS NULL OR v_balance < p_amount THEN
                RAISE EXCEPTION 'insufficient funds or unknown account %', p_from;
            END IF;
            UPDATE accounts SET balance = balance - p_amount, updated_at = now() WHERE id = p_from;
            PERFORM fraud_check(p_from, p_to, p_amount);
            UPDATE accounts SET balance = balance + p_amount, updated_at = now() WHERE id = p_to;
            INSERT INTO transfers (from_account, to_account, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO v_id;
            RETURN v_id;
        EXCEPTION WHEN serialization_failure THEN
            IF v_attempt >= 5 THEN
                RAISE;
            END IF;
            PERFORM pg_sleep(0.02 * v_attempt);
        END;
    END LOOP;
END
$$;
