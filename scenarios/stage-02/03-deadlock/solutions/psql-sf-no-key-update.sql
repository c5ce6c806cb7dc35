-- A psql user's session: the counter, everything the server knows about the sessions, then \sf to read the
-- function. The fix locks both rows in id order with FOR NO KEY UPDATE, the lock an UPDATE of a non-key column
-- takes anyway (it does not block the inserts into ledger_entries that reference these accounts).
SELECT * FROM pg_stat_database WHERE datname = 'ledger_db';
SELECT * FROM pg_stat_activity WHERE datname = 'ledger_db';
\connect ledger_db
\sf transfer
BEGIN;
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_entry bigint;
BEGIN
    -- Lock order: lowest account id first, always.
    PERFORM 1 FROM accounts WHERE id = ANY (ARRAY[p_from, p_to]) ORDER BY id FOR NO KEY UPDATE;

    UPDATE accounts SET balance = balance - p_amount, updated_at = now() WHERE id = p_from;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', p_from;
    END IF;

    PERFORM screen_transfer(p_from, p_to, p_amount);

    UPDATE accounts SET balance = balance + p_amount, updated_at = now() WHERE id = p_to;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', p_to;
    END IF;

    INSERT INTO ledger_entries (from_account, to_account, amount)
    VALUES (p_from, p_to, p_amount)
    RETURNING id INTO v_entry;
    RETURN v_entry;
END
$$;
COMMIT;
\sf transfer
