-- grade: detect 40, fix 10, trap 20
-- The other half: transfer() now locks both accounts in id order before it reads the balance, which is right, but
-- the role stays SERIALIZABLE. A transaction whose snapshot predates the last update of the settlement row still
-- fails with 40001 after waiting for the lock, so the storm goes on.
SELECT datname, xact_rollback FROM pg_stat_database WHERE datname = 'app_db';
SELECT rolname, rolconfig FROM pg_roles WHERE rolname = 'payments';
\connect app_db
SELECT pg_get_functiondef('transfer'::regproc);
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
