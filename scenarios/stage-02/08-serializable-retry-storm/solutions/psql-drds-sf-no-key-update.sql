-- A psql user's session: \drds lists the per-role settings, \sf prints the function. The fix locks both rows with
-- FOR NO KEY UPDATE (the lock an UPDATE of a non-key column takes anyway, so the transfers rows that reference
-- these accounts can still be inserted), and sets READ COMMITTED on the role explicitly, in one transaction with
-- the new code.
SELECT datname, xact_rollback FROM pg_stat_database WHERE datname = 'app_db';
\drds
\connect app_db
\sf transfer
BEGIN;
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_balance numeric;
    v_id      bigint;
BEGIN
    PERFORM fraud_check(p_from, p_to, p_amount);
    -- Lock order: lowest account id first, always; then read the balance under the lock.
    PERFORM 1 FROM accounts WHERE id = ANY (ARRAY[p_from, p_to]) ORDER BY id FOR NO KEY UPDATE;
    SELECT balance INTO v_balance FROM accounts WHERE id = p_from;
    IF v_balance IS NULL OR v_balance < p_amount THEN
        RAISE EXCEPTION 'insufficient funds or unknown account %', p_from USING ERRCODE = 'check_violation';
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
ALTER ROLE payments SET default_transaction_isolation = 'read committed';
COMMIT;
\drds
