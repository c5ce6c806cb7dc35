-- No extra locking statement: the two UPDATEs themselves run in ascending id order, so the lower account is
-- always locked first. When money flows from the higher id to the lower one, the credit comes first; the
-- screening call still runs before the transfer commits.
SELECT datname, deadlocks FROM pg_stat_database WHERE datname = 'ledger_db';
SELECT l.pid, a.application_name, l.locktype, l.transactionid, l.mode, l.granted, left(a.query, 50) AS query
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE a.datname = 'ledger_db' AND l.locktype = 'transactionid'
ORDER BY l.granted, l.pid;

\connect ledger_db
SELECT p.proname, p.prosrc FROM pg_proc p WHERE p.proname IN ('transfer', 'screen_transfer');

CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_entry bigint;
    v_first bigint := least(p_from, p_to);
    v_second bigint := greatest(p_from, p_to);
BEGIN
    UPDATE accounts
    SET balance = balance + CASE WHEN id = p_from THEN -p_amount ELSE p_amount END, updated_at = now()
    WHERE id = v_first;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', v_first;
    END IF;

    PERFORM screen_transfer(p_from, p_to, p_amount);

    UPDATE accounts
    SET balance = balance + CASE WHEN id = p_from THEN -p_amount ELSE p_amount END, updated_at = now()
    WHERE id = v_second;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown account %', v_second;
    END IF;

    INSERT INTO ledger_entries (from_account, to_account, amount)
    VALUES (p_from, p_to, p_amount)
    RETURNING id INTO v_entry;
    RETURN v_entry;
END
$$;
