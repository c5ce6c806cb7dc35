-- Are these really deadlocks, and how many so far?
SELECT datname, deadlocks, xact_rollback FROM pg_stat_database WHERE datname = 'ledger_db';

-- Who waits for whom right now: a payout and a sweep each blocked by the other (the server breaks the cycle
-- after deadlock_timeout, so a look catches it most of the time, not always; the server log has every one).
SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by, left(query, 60) AS query
FROM pg_stat_activity
WHERE datname = 'ledger_db' AND backend_type = 'client backend'
ORDER BY application_name, pid;

\connect ledger_db
-- Both services call transfer(); read it: the source account is updated first, the target second.
SELECT pg_get_functiondef('transfer(bigint, bigint, numeric)'::regprocedure);

-- Take both rows in ascending id order before touching either, whichever way the money moves. Calls already
-- running finish on the old code; every new call uses this one.
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

    INSERT INTO ledger_entries (from_account, to_account, amount)
    VALUES (p_from, p_to, p_amount)
    RETURNING id INTO v_entry;
    RETURN v_entry;
END
$$;
