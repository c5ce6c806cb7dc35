-- The consistent order is the fix; on top of it, a bounded retry on deadlock and serialization failures as a
-- safety net for other code that may still lock accounts in its own order. With the order fixed, transfer()
-- itself never deadlocks, so the retry is idle.
SELECT datname, deadlocks, xact_commit, xact_rollback FROM pg_stat_database WHERE datname = 'ledger_db';
SELECT pid, application_name, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by
FROM pg_stat_activity WHERE datname = 'ledger_db';
\connect ledger_db
SELECT routine_name, routine_definition FROM information_schema.routines WHERE routine_name = 'transfer';
CREATE OR REPLACE FUNCTION transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_entry bigint;
    v_attempt int := 0;
BEGIN
    LOOP
        v_attempt := v_attempt + 1;
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
        EXCEPTION WHEN deadlock_detected OR serialization_failure THEN
            IF v_attempt >= 3 THEN
                RAISE;
            END IF;
            PERFORM pg_sleep(0.02 * v_attempt);
        END;
    END LOOP;
END
$$;
