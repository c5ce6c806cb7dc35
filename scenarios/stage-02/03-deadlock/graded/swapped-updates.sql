-- grade: detect 40, fix 0, trap 20
-- A careful diagnosis, then the wrong conclusion: "credit first, then debit". The order of the two UPDATEs is
-- still decided by the arguments, only mirrored: payouts now lock 2 then 1 and the sweep 1 then 2, and the
-- deadlocks go on exactly as before.
SELECT datname, deadlocks FROM pg_stat_database WHERE datname = 'ledger_db';
SELECT pid, application_name, wait_event_type, pg_blocking_pids(pid) AS blocked_by, query
FROM pg_stat_activity WHERE datname = 'ledger_db';
\connect ledger_db
SELECT pg_get_functiondef('transfer'::regproc);
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_entry bigint;
BEGIN
    UPDATE accounts SET balance = balance + p_amount, updated_at = now() WHERE id = p_to;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', p_to;
    END IF;
    PERFORM screen_transfer(p_from, p_to, p_amount);
    UPDATE accounts SET balance = balance - p_amount, updated_at = now() WHERE id = p_from;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', p_from;
    END IF;
    INSERT INTO ledger_entries (from_account, to_account, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO v_entry;
    RETURN v_entry;
END
$$;
