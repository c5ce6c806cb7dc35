-- grade: detect 0, fix 40, trap 20
-- The textbook cure typed from memory ("deadlock? lock in id order"), with nothing looked at first: right this
-- time, but nobody confirmed the errors were deadlocks or read the code that takes the locks.
\connect ledger_db
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_entry bigint;
BEGIN
    PERFORM 1 FROM accounts WHERE id IN (p_from, p_to) ORDER BY id FOR UPDATE;
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
END
$$;
