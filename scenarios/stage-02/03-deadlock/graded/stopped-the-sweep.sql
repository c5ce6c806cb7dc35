-- grade: detect 20, fix 0, trap 12
-- The deadlocks and the two services were seen, and the newer one was blamed: its sessions are terminated.
-- The sweep's scheduler reconnects them within a second and the deadlocks resume; transfer() was never read.
SELECT datname, deadlocks FROM pg_stat_database WHERE datname = 'ledger_db';
SELECT pid, application_name, state, wait_event_type, wait_event, left(query, 60)
FROM pg_stat_activity WHERE datname = 'ledger_db' ORDER BY application_name;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'treasury_sweep';
