-- grade: detect 0, fix 40, trap 20
-- The textbook cure typed from memory ("serialization failures? lock the rows in order and drop back to read
-- committed"), with nothing looked at first: right this time, but nobody confirmed what the payments failed with,
-- where SERIALIZABLE came from or what transfer() did.
\connect app_db
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_balance numeric;
    v_id      bigint;
BEGIN
    PERFORM 1 FROM accounts WHERE id IN (p_from, p_to) ORDER BY id FOR UPDATE;
    SELECT balance INTO v_balance FROM accounts WHERE id = p_from;
    IF v_balance IS NULL OR v_balance < p_amount THEN
        RAISE EXCEPTION 'insufficient funds or unknown account %', p_from;
    END IF;
    UPDATE accounts SET balance = balance - p_amount, updated_at = now() WHERE id = p_from;
    PERFORM fraud_check(p_from, p_to, p_amount);
    UPDATE accounts SET balance = balance + p_amount, updated_at = now() WHERE id = p_to;
    INSERT INTO transfers (from_account, to_account, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
ALTER ROLE payments RESET default_transaction_isolation;
