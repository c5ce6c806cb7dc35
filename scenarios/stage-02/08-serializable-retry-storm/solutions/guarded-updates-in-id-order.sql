-- No separate locking statement: the two UPDATEs run in ascending id order, so the lower account is always locked
-- first, and the debit carries its own guard (WHERE balance >= amount), which READ COMMITTED re-checks on the
-- latest row version after waiting for a lock. An overdraft is refused by the debit itself.
SELECT datname, xact_commit, xact_rollback FROM pg_stat_database WHERE datname = 'app_db';
SELECT r.rolname, s.setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole;
\connect app_db
SELECT pg_get_functiondef(oid) FROM pg_proc WHERE proname = 'transfer';
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_id     bigint;
    v_first  bigint := least(p_from, p_to);
    v_second bigint := greatest(p_from, p_to);
    v_rows   int;
BEGIN
    PERFORM fraud_check(p_from, p_to, p_amount);

    UPDATE accounts
    SET balance = balance + CASE WHEN id = p_from THEN -p_amount ELSE p_amount END, updated_at = now()
    WHERE id = v_first AND (id <> p_from OR balance >= p_amount);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows = 0 THEN
        RAISE EXCEPTION 'insufficient funds or unknown account %', v_first USING ERRCODE = 'check_violation';
    END IF;

    UPDATE accounts
    SET balance = balance + CASE WHEN id = p_from THEN -p_amount ELSE p_amount END, updated_at = now()
    WHERE id = v_second AND (id <> p_from OR balance >= p_amount);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows = 0 THEN
        RAISE EXCEPTION 'insufficient funds or unknown account %', v_second USING ERRCODE = 'check_violation';
    END IF;

    INSERT INTO transfers (from_account, to_account, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
ALTER ROLE payments RESET default_transaction_isolation;
