-- How do the transfers fail? (Get-RideLog shows 40001 "could not serialize access due to concurrent update".)
SELECT datname, xact_commit, xact_rollback FROM pg_stat_database WHERE datname = 'app_db';

-- Where does SERIALIZABLE come from? Release 7.1 set it as the payments role's default.
SELECT r.rolname, d.datname, s.setconfig
FROM pg_db_role_setting s
JOIN pg_roles r ON r.oid = s.setrole
LEFT JOIN pg_database d ON d.oid = s.setdatabase;

\connect app_db
-- Which rows does every payment touch, and how does it guard the balance?
SELECT pg_get_functiondef('transfer(bigint, bigint, numeric)'::regprocedure);

-- 1. Make transfer() safe at READ COMMITTED: run the fraud check before taking any lock, then lock both accounts
--    in ascending id order, and only then read and check the balance. Two debits of one account now queue on its
--    row lock, and the second sees the first one's result, so no overdraft.
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_balance numeric;
    v_id      bigint;
BEGIN
    PERFORM fraud_check(p_from, p_to, p_amount);

    PERFORM 1 FROM accounts WHERE id IN (p_from, p_to) ORDER BY id FOR UPDATE;

    SELECT balance INTO v_balance FROM accounts WHERE id = p_from;
    IF v_balance IS NULL THEN
        RAISE EXCEPTION 'unknown account %', p_from;
    END IF;
    IF v_balance < p_amount THEN
        RAISE EXCEPTION 'insufficient funds in account %', p_from USING ERRCODE = 'check_violation';
    END IF;

    UPDATE accounts SET balance = balance - p_amount, updated_at = now() WHERE id = p_from;
    UPDATE accounts SET balance = balance + p_amount, updated_at = now() WHERE id = p_to;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', p_to;
    END IF;

    INSERT INTO transfers (from_account, to_account, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- 2. Put the payments role back on READ COMMITTED. The workers connect per request, so the next one picks it up.
ALTER ROLE payments RESET default_transaction_isolation;
