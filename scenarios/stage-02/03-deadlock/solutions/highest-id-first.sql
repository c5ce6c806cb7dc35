-- Any single order will do, as long as every transfer uses it: this one always takes the higher account id
-- first (for treasury, the clearing account before the operating account). The score judges the outcome, not
-- the direction; ascending is the usual convention because it is easy to apply everywhere.
SELECT deadlocks FROM pg_stat_database WHERE datname = 'ledger_db';
SELECT a.pid, a.application_name, l.mode, l.granted, l.transactionid
FROM pg_locks l JOIN pg_stat_activity a USING (pid)
WHERE a.datname = 'ledger_db';
\connect ledger_db
SELECT pg_get_functiondef(oid) FROM pg_proc WHERE proname = 'transfer';
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_entry bigint;
BEGIN
    PERFORM 1 FROM accounts WHERE id IN (p_from, p_to) ORDER BY id DESC FOR UPDATE;

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
