-- Belt and braces: the benchmark's role may no longer log in (so a retry from the runbook cannot come back), then its
-- session is ended. Found through pg_stat_statements' wal_bytes and the statement's user.
SELECT pg_size_pretty(sum(size)) AS pg_wal FROM pg_ls_waldir();
SELECT r.rolname, left(s.query, 60) AS query, s.calls, pg_size_pretty(s.wal_bytes) AS wal
FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
ORDER BY s.wal_bytes DESC LIMIT 3;

ALTER ROLE loadtest NOLOGIN;
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT pid, application_name FROM pg_stat_activity WHERE usename = 'loadtest' LOOP
        PERFORM pg_terminate_backend(r.pid);
        RAISE NOTICE 'ended % (pid %)', r.application_name, r.pid;
    END LOOP;
END
$$;
