-- Tempting: "the deadlocks started with the new sweep, so kick the sweep off". Its scheduler reconnects within
-- a second, the next sweep meets the next payout in the opposite order, and the deadlocks resume; meanwhile the
-- sweeps that were in flight are lost.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'treasury_sweep';
